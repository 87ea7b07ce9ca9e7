package io.integrationhub.mllp.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.MllpDecodingException;
import io.integrationhub.mllp.MllpEncodingException;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class MllpPayloadCodingTest {

  @Test
  void decodesValidUtf8() throws Exception {
    String text = "MSH|^~\\&|Zoë\rPID|||Łukasz 日本";
    assertThat(MllpPayloadDecoder.decode(text.getBytes(UTF_8), UTF_8)).isEqualTo(text);
  }

  @Test
  void decodesEmptyPayload() throws Exception {
    assertThat(MllpPayloadDecoder.decode(new byte[0], UTF_8)).isEmpty();
  }

  @Test
  void invalidUtf8NamesTheOffsetOfTheFirstBadByte() {
    byte[] payload = {'M', 'S', 'H', '|', 'o', 'k', (byte) 0xFF, 'x', (byte) 0xFE};

    assertThatThrownBy(() -> MllpPayloadDecoder.decode(payload, UTF_8))
        .isInstanceOfSatisfying(
            MllpDecodingException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(6);
              assertThat(e.charsetName()).isEqualTo("UTF-8");
            })
        .hasMessageContaining("offset 6")
        .hasMessageNotContaining("MSH");
  }

  @Test
  void truncatedMultiByteSequenceAtTheEndIsMalformed() {
    byte[] payload = {'a', 'b', (byte) 0xC3};

    assertThatThrownBy(() -> MllpPayloadDecoder.decode(payload, UTF_8))
        .isInstanceOfSatisfying(
            MllpDecodingException.class, e -> assertThat(e.offset()).isEqualTo(2));
  }

  @Test
  void overlongEncodingIsRejectedNotReplaced() {
    byte[] payload = {'a', (byte) 0xC0, (byte) 0xAF};

    assertThatThrownBy(() -> MllpPayloadDecoder.decode(payload, UTF_8))
        .isInstanceOfSatisfying(
            MllpDecodingException.class, e -> assertThat(e.offset()).isEqualTo(1));
  }

  @Test
  void asciiRejectsHighBytes() {
    byte[] payload = {'a', 'b', 'c', (byte) 0xE9};

    assertThatThrownBy(() -> MllpPayloadDecoder.decode(payload, US_ASCII))
        .isInstanceOfSatisfying(
            MllpDecodingException.class, e -> assertThat(e.offset()).isEqualTo(3));
  }

  @Test
  void latin1DecodesEveryByte() throws Exception {
    assertThat(MllpPayloadDecoder.decode(new byte[] {'Z', 'o', (byte) 0xEB}, ISO_8859_1))
        .isEqualTo("Zoë");
  }

  @Test
  void decodesUtf32() throws Exception {
    Charset utf32 = Charset.forName("UTF-32");
    String text = "😀".repeat(50);
    assertThat(MllpPayloadDecoder.decode(text.getBytes(utf32), utf32)).isEqualTo(text);
  }

  @Test
  void encodesStrictly() throws Exception {
    assertThat(MllpPayloadEncoder.encode("Zoë", UTF_8)).isEqualTo("Zoë".getBytes(UTF_8));
    assertThat(MllpPayloadEncoder.encode("", UTF_8)).isEmpty();
    assertThat(MllpPayloadEncoder.encode("Zoë", ISO_8859_1)).containsExactly('Z', 'o', 0xEB);
  }

  @Test
  void unmappableCharacterFailsInsteadOfBecomingAQuestionMark() {
    assertThatThrownBy(() -> MllpPayloadEncoder.encode("MSH|Zoë", US_ASCII))
        .isInstanceOfSatisfying(
            MllpEncodingException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(6);
              assertThat(e.charsetName()).isEqualTo("US-ASCII");
            })
        .hasMessageNotContaining("Zo");
  }

  @Test
  void loneSurrogateIsMalformed() {
    assertThatThrownBy(() -> MllpPayloadEncoder.encode("ab\uD800", UTF_8))
        .isInstanceOfSatisfying(
            MllpEncodingException.class, e -> assertThat(e.offset()).isEqualTo(2));
  }

  @Test
  void encodesLongTextWithGrowth() throws Exception {
    String text = "日本".repeat(10_000);
    assertThat(MllpPayloadEncoder.encode(text, UTF_8)).isEqualTo(text.getBytes(UTF_8));
  }
}
