package io.integrationhub.mllp.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MllpCharsetsTest {

  private static final String FIELDS_3_TO_17 = "APP|FAC|HUB|HUB|20250101||ADT^A01|1|P|2.5|||||GBR|";

  @ParameterizedTest
  @CsvSource({
    "ASCII, US-ASCII",
    "8859/1, ISO-8859-1",
    "8859/2, ISO-8859-2",
    "8859/15, ISO-8859-15",
    "UNICODE UTF-8, UTF-8",
    "UTF-8, UTF-8",
    "unicode utf-8, UTF-8",
    "UNICODE UTF-16, UTF-16",
    "UNICODE, UTF-16",
    "ISO IR6, US-ASCII",
    "BIG-5, Big5",
    "GB 18030-2000, GB18030",
  })
  void resolvesTable0211Names(String hl7Name, String javaName) {
    assertThat(MllpCharsets.resolve(msh18(hl7Name), Optional.empty(), UTF_8))
        .isEqualTo(Charset.forName(javaName));
  }

  @Test
  void configuredCharsetWinsOverMsh18() {
    assertThat(MllpCharsets.resolve(msh18("8859/1"), Optional.of(US_ASCII), UTF_8))
        .isEqualTo(US_ASCII);
  }

  @Test
  void unknownNameFallsBackToDefault() {
    assertThat(MllpCharsets.resolve(msh18("KLINGON"), Optional.empty(), ISO_8859_1))
        .isEqualTo(ISO_8859_1);
  }

  @Test
  void missingOrBlankMsh18FallsBackToDefault() {
    byte[] shortMsh = "MSH|^~\\&|APP|FAC\rPID|1".getBytes(US_ASCII);
    assertThat(MllpCharsets.resolve(shortMsh, Optional.empty(), UTF_8)).isEqualTo(UTF_8);
    assertThat(MllpCharsets.resolve(msh18(""), Optional.empty(), UTF_16)).isEqualTo(UTF_16);
    assertThat(MllpCharsets.resolve(msh18("   "), Optional.empty(), UTF_16)).isEqualTo(UTF_16);
  }

  @Test
  void readsTheFirstRepetitionTrimmed() {
    assertThat(MllpCharsets.readMsh18(msh18(" 8859/1 ~UNICODE UTF-8"))).contains("8859/1");
  }

  @Test
  void msh18FollowedByMoreFieldsIsRead() {
    byte[] payload = ("MSH|^~\\&|" + FIELDS_3_TO_17 + "8859/1|EN|\rPID|1").getBytes(US_ASCII);
    assertThat(MllpCharsets.readMsh18(payload)).contains("8859/1");
  }

  @Test
  void honoursACustomFieldSeparator() {
    String msh = "MSH#^~\\&#" + FIELDS_3_TO_17.replace('|', '#') + "8859/1";
    assertThat(MllpCharsets.readMsh18(msh.getBytes(US_ASCII))).contains("8859/1");
  }

  @Test
  void onlyTheFirstSegmentCounts() {
    byte[] payload = ("MSH|^~\\&|APP\rZZZ|" + FIELDS_3_TO_17 + "8859/1").getBytes(US_ASCII);
    assertThat(MllpCharsets.readMsh18(payload)).isEmpty();
  }

  @Test
  void payloadNotStartingWithMshHasNoMsh18() {
    assertThat(MllpCharsets.readMsh18(" MSH|^~\\&|".getBytes(US_ASCII))).isEmpty();
    assertThat(MllpCharsets.readMsh18(new byte[0])).isEmpty();
    assertThat(MllpCharsets.resolve(new byte[0], Optional.empty(), UTF_8)).isEqualTo(UTF_8);
  }

  @Test
  void msh2WithoutRepetitionCharacterStillResolves() {
    String msh = "MSH|^|" + FIELDS_3_TO_17 + "8859/1~ASCII";
    assertThat(MllpCharsets.readMsh18(msh.getBytes(US_ASCII))).contains("8859/1~ASCII");
  }

  @Test
  void payloadEncodedInUtf16ResolvesToUtf16() {
    String message = "MSH|^~\\&|" + FIELDS_3_TO_17 + "UNICODE UTF-16";
    assertThat(resolve(message.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)))
        .isEqualTo(java.nio.charset.StandardCharsets.UTF_16BE);
    assertThat(resolve(message.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))
        .isEqualTo(java.nio.charset.StandardCharsets.UTF_16LE);
    assertThat(resolve(message.getBytes(UTF_16))).isEqualTo(UTF_16); // with BOM
    assertThat(resolve(new byte[] {(byte) 0xFF, (byte) 0xFE, 'M', 0})).isEqualTo(UTF_16);
    assertThat(resolve(new byte[] {'M'})).isEqualTo(UTF_8);
  }

  @Test
  void fromHl7NameRejectsUnknownNames() {
    assertThat(MllpCharsets.fromHl7Name("8859/1")).contains(ISO_8859_1);
    assertThat(MllpCharsets.fromHl7Name("ISO-8859-1")).isEmpty();
  }

  private static Charset resolve(byte[] payload) {
    return MllpCharsets.resolve(payload, Optional.empty(), UTF_8);
  }

  private static byte[] msh18(String value) {
    return ("MSH|^~\\&|" + FIELDS_3_TO_17 + value + "\rPID|1||123").getBytes(US_ASCII);
  }
}
