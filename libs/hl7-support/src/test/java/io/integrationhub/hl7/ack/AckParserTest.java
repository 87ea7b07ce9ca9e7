package io.integrationhub.hl7.ack;

import static io.integrationhub.hl7.TestMessages.er7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.SharedConformance;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.parse.MessageHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AckParserTest {

  private static final String ACK_MSH = "MSH|^~\\&|RCV|RF|SND|SF|20240102||ACK^A31^ACK|ACK-9|P|2.5";

  @ParameterizedTest(name = "{0}: positive={1}")
  @CsvSource({
    "ack-AA.hl7, AA, true",
    "ack-CA.hl7, CA, true",
    "ack-AE.hl7, AE, false",
    "ack-AR.hl7, AR, false"
  })
  void readsTheSharedAckVectors(String vector, AckCode code, boolean positive) throws Exception {
    Ack ack = AckParser.parse(SharedConformance.read("hl7-sender/" + vector));

    assertThat(ack.code()).isEqualTo(code);
    assertThat(ack.rawCode()).isEqualTo(code.name());
    assertThat(ack.isPositive()).isEqualTo(positive);
    assertThat(ack.acknowledgedControlId()).isEqualTo("123456");
    assertThat(ack.acknowledges("123456")).isTrue();
    assertThat(ack.controlId()).isEqualTo("123456");
    assertThat(ack.textMessage()).isEmpty();
    assertThat(ack.errorText()).isEmpty();
  }

  @Test
  void rejectsTheSharedMalformedVector() {
    String reply = SharedConformance.read("hl7-sender/malformed-ack.txt");

    assertThatThrownBy(() -> AckParser.parse(reply))
        .isInstanceOf(InvalidAckException.class)
        .hasMessageStartingWith("Reply is not an HL7 message")
        .extracting(e -> ((InvalidAckException) e).reason())
        .isEqualTo(InvalidAckException.Reason.NOT_HL7);
  }

  @Test
  void rejectsTheSharedNonAckVector() {
    String reply = SharedConformance.read("hl7-sender/non-ack-adt-a01.hl7");

    assertThatThrownBy(() -> AckParser.parse(reply))
        .isInstanceOf(InvalidAckException.class)
        .hasMessage("Received a non-ACK message")
        .extracting(e -> ((InvalidAckException) e).reason())
        .isEqualTo(InvalidAckException.Reason.NOT_AN_ACK);
  }

  @Test
  void readsMsa2AndTheAcksOwnControlId() throws Exception {
    Ack ack = AckParser.parse(er7(ACK_MSH, "MSA|AA|SENT-42"));

    assertThat(ack.acknowledgedControlId()).isEqualTo("SENT-42");
    assertThat(ack.controlId()).isEqualTo("ACK-9");
    assertThat(ack.acknowledges("SENT-42")).isTrue();
    assertThat(ack.acknowledges("SENT-43")).isFalse();
    assertThat(ack.acknowledges(null)).isFalse();
  }

  @Test
  void readsMsa3AndErr8Unescaped() throws Exception {
    Ack ack =
        AckParser.parse(
            er7(
                ACK_MSH,
                "MSA|AE|SENT-1|Rejected \\F\\ see ERR",
                "ERR||PID^1^3|101^Required field missing^HL70357|E||||PID-3 \\T\\ PID-5 missing",
                "ERR||PID^1^5|101^Required field missing^HL70357|E||||second"));

    assertThat(ack.code()).isEqualTo(AckCode.AE);
    assertThat(ack.isPositive()).isFalse();
    assertThat(ack.textMessage()).isEqualTo("Rejected | see ERR");
    assertThat(ack.errorText()).isEqualTo("PID-3 & PID-5 missing");
  }

  @Test
  void fallsBackToErr3Text() throws Exception {
    Ack ack =
        AckParser.parse(
            er7(ACK_MSH, "MSA|AR|SENT-1", "ERR||MSH^1^9|200^Unsupported message type^HL70357|E"));

    assertThat(ack.errorText()).isEqualTo("Unsupported message type");
  }

  @Test
  void fallsBackToPreV25Err1CodeText() throws Exception {
    Ack ack =
        AckParser.parse(
            er7(ACK_MSH, "MSA|AE|SENT-1", "ERR|PID^1^3^101&Required field missing&HL70357"));
    Ack codeOnly = AckParser.parse(er7(ACK_MSH, "MSA|AE|SENT-1", "ERR|PID^1^3^101"));

    assertThat(ack.errorText()).isEqualTo("Required field missing");
    assertThat(codeOnly.errorText()).isEqualTo("101");
  }

  @Test
  void fallsBackToFreeTextErr1() throws Exception {
    Ack ack = AckParser.parse(er7(ACK_MSH, "MSA|AE|SENT-1", "ERR|Patient not on file"));

    assertThat(ack.errorText()).isEqualTo("Patient not on file");
  }

  @Test
  void toleratesMllpFramingCharacters() throws Exception {
    String framed = "\u000b" + er7(ACK_MSH, "MSA|AA|SENT-1") + "\u001c\r";

    Ack ack = AckParser.parse(framed);

    assertThat(ack.isPositive()).isTrue();
    assertThat(ack.acknowledgedControlId()).isEqualTo("SENT-1");
  }

  @Test
  void ignoresAnythingAfterTheEndBlock() throws Exception {
    String twoFrames =
        "\u000b" + er7(ACK_MSH, "MSA|AA|FIRST") + "\u001c\r\u000b" + er7(ACK_MSH, "MSA|AE|SECOND");

    assertThat(AckParser.parse(twoFrames).acknowledgedControlId()).isEqualTo("FIRST");
  }

  @ParameterizedTest(name = "separator {index}")
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void acceptsLfCrlfAndCrSeparators(String separator) throws Exception {
    String reply = ACK_MSH + separator + "MSA|CA|SENT-7" + separator;

    Ack ack = AckParser.parse(reply);

    assertThat(ack.code()).isEqualTo(AckCode.CA);
    assertThat(ack.acknowledgedControlId()).isEqualTo("SENT-7");
  }

  @Test
  void acceptsAReplyWithoutFinalSeparator() throws Exception {
    assertThat(AckParser.parse(ACK_MSH + "\rMSA|AA|S1").acknowledgedControlId()).isEqualTo("S1");
  }

  @Test
  void readsCustomDelimiters() throws Exception {
    Ack ack =
        AckParser.parse(
            "MSH#*~\\&#R#F#S#G#2024##ACK*A01*ACK#A|1#P#2.5\rMSA#AE#S|2#Bad \\F\\ value\r"
                + "ERR###101*Required field missing*HL70357#E####User\\S\\text\r");

    assertThat(ack.code()).isEqualTo(AckCode.AE);
    assertThat(ack.acknowledgedControlId()).isEqualTo("S|2");
    assertThat(ack.controlId()).isEqualTo("A|1");
    assertThat(ack.textMessage()).isEqualTo("Bad # value");
    assertThat(ack.errorText()).isEqualTo("User*text");
  }

  @ParameterizedTest(name = "MSA-1 \"{0}\"")
  @ValueSource(strings = {"XX", "aa", "AA ", "", "CE", "CR"})
  void unknownOrNegativeCodesAreNotPositive(String code) throws Exception {
    Ack ack = AckParser.parse(er7(ACK_MSH, "MSA|" + code + "|SENT-1"));

    assertThat(ack.rawCode()).isEqualTo(code);
    assertThat(ack.isPositive()).isFalse();
    assertThat(ack.code()).isEqualTo(AckCode.fromCode(code).orElse(null));
  }

  @Test
  void readsAnMsaWithoutFields() throws Exception {
    Ack ack = AckParser.parse(er7(ACK_MSH, "MSA"));

    assertThat(ack.code()).isNull();
    assertThat(ack.rawCode()).isEmpty();
    assertThat(ack.acknowledgedControlId()).isEmpty();
  }

  @ParameterizedTest(name = "reply {index}")
  @ValueSource(strings = {"", "\u000b\u001c\r", "   \r\n"})
  void rejectsEmptyReplies(String reply) {
    assertThatThrownBy(() -> AckParser.parse(reply))
        .isInstanceOf(InvalidAckException.class)
        .hasMessage("Reply is empty")
        .extracting(e -> ((InvalidAckException) e).reason())
        .isEqualTo(InvalidAckException.Reason.EMPTY);
  }

  @Test
  void rejectsNullReply() {
    assertThatThrownBy(() -> AckParser.parse(null)).isInstanceOf(InvalidAckException.class);
  }

  @Test
  void rejectsAnAdtSentBackWithoutQuotingIt() {
    assertThatThrownBy(() -> AckParser.parse(TestMessages.V25_A31))
        .isInstanceOf(InvalidAckException.class)
        .hasMessage("Received a non-ACK message");
  }

  @Test
  void rejectsReplyWithInvalidHeader() {
    assertThatThrownBy(() -> AckParser.parse("MSH|^^\\&|A\rMSA|AA|1\r"))
        .isInstanceOf(InvalidAckException.class)
        .hasMessageContaining("duplicate encoding chars");
  }

  @Test
  void readsWhatAckBuilderWrites() throws Exception {
    AckBuilder builder =
        new AckBuilder(
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC),
            ProcessingIdPolicy.COPY_INBOUND);
    MessageHeader inbound = MessageHeader.parse(TestMessages.V25_A31);
    String text = "PID-3 | missing\r\nsee spec ^ 4.2";

    Ack ack =
        AckParser.parse(
            builder.build(
                inbound,
                AckCode.AR,
                AckError.of(Hl7ErrorCode.REQUIRED_FIELD_MISSING, text).at("PID", 1, 3)));

    assertThat(ack.code()).isEqualTo(AckCode.AR);
    assertThat(ack.acknowledges("V25-1")).isTrue();
    assertThat(ack.textMessage()).isEqualTo("PID-3 | missing\\X0D\\\\X0A\\see spec ^ 4.2");
    assertThat(ack.errorText()).isEqualTo(ack.textMessage());
  }
}
