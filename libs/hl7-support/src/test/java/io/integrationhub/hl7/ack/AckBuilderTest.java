package io.integrationhub.hl7.ack;

import static io.integrationhub.hl7.TestMessages.er7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.SharedConformance;
import io.integrationhub.hl7.parse.MessageHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AckBuilderTest {

  /** 2025-07-01 09:08:07 UTC, 10:08:07 in London (BST). */
  private static final Instant NOW = Instant.parse("2025-07-01T09:08:07Z");

  private static final Clock UTC = Clock.fixed(NOW, ZoneOffset.UTC);

  private final AckBuilder builder = new AckBuilder(UTC, ProcessingIdPolicy.COPY_INBOUND);

  private static MessageHeader header(String msh) throws Exception {
    return MessageHeader.parse(msh + "\rPID|1||T1\r");
  }

  private static String[] segments(String ack) {
    assertThat(ack).endsWith("\r");
    return ack.split("\r");
  }

  private static String[] fields(String segment) {
    return segment.split("\\|", -1);
  }

  @Test
  void buildsThePositiveAckFieldByField() throws Exception {
    String ack =
        builder.build(
            header(
                "MSH|^~\\&|SENDAPP|SENDFAC|RECVAPP|RECVFAC|20240102||ADT^A31^ADT_A05|CTRL1|T|2.5"),
            AckCode.AA);

    String[] segments = segments(ack);
    assertThat(segments).hasSize(2);
    String[] msh = fields(segments[0]);
    assertThat(msh).hasSize(12);
    assertThat(msh[0]).isEqualTo("MSH");
    assertThat(msh[1]).isEqualTo("^~\\&");
    assertThat(msh[2]).as("MSH-3 = inbound MSH-5").isEqualTo("RECVAPP");
    assertThat(msh[3]).as("MSH-4 = inbound MSH-6").isEqualTo("RECVFAC");
    assertThat(msh[4]).as("MSH-5 = inbound MSH-3").isEqualTo("SENDAPP");
    assertThat(msh[5]).as("MSH-6 = inbound MSH-4").isEqualTo("SENDFAC");
    assertThat(msh[6]).as("MSH-7").isEqualTo("20250701090807");
    assertThat(msh[7]).as("MSH-8").isEmpty();
    assertThat(msh[8]).as("MSH-9").isEqualTo("ACK^A31^ACK");
    assertThat(msh[9]).as("MSH-10 = inbound MSH-10").isEqualTo("CTRL1");
    assertThat(msh[10]).as("MSH-11").isEqualTo("T");
    assertThat(msh[11]).as("MSH-12").isEqualTo("2.5");
    assertThat(fields(segments[1])).containsExactly("MSA", "AA", "CTRL1");
    assertThat(ack)
        .isEqualTo(
            "MSH|^~\\&|RECVAPP|RECVFAC|SENDAPP|SENDFAC|20250701090807||ACK^A31^ACK|CTRL1|T|2.5\r"
                + "MSA|AA|CTRL1\r");
  }

  @ParameterizedTest(name = "inbound MSH-11 \"{0}\" gives \"{1}\"")
  @CsvSource({"T, T", "P, P", "D, D", "'', P", "P^A, P^A", "T^T, T^T"})
  void copiesInboundProcessingIdOrPWhenEmpty(String inbound, String expected) throws Exception {
    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|" + inbound + "|2.5"), AckCode.AA);

    assertThat(fields(segments(ack)[0])[10]).isEqualTo(expected);
  }

  @ParameterizedTest(name = "inbound MSH-11 \"{0}\" gives P")
  @CsvSource({"T", "P", "''", "P^A"})
  void fixedPPolicyAlwaysWritesP(String inbound) throws Exception {
    AckBuilder mock = builder.withProcessingIdPolicy(ProcessingIdPolicy.FIXED_P);

    String ack =
        mock.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|" + inbound + "|2.5"), AckCode.AA);

    assertThat(fields(segments(ack)[0])[10]).isEqualTo("P");
  }

  @ParameterizedTest(name = "inbound MSH-12 \"{0}\" kept")
  @CsvSource({"2.5^GBR", "2.3.1", "2.4", "2.5.1", "''"})
  void keepsInboundVersionWhole(String version) throws Exception {
    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A28^ADT_A05|C1|P|" + version), AckCode.AA);

    String[] msh = fields(segments(ack)[0]);
    assertThat(msh).hasSize(12);
    assertThat(msh[11]).isEqualTo(version);
  }

  @Test
  void swapsApplicationsAndFacilitiesWithTheirComponents() throws Exception {
    String ack =
        builder.build(
            header(
                "MSH|^~\\&|SND^1.2.3^ISO|SFAC^9.9^DNS|RCV^4.5^ISO|RFAC&X^7^L|2024||ADT^A40^ADT_A39|C7|P|2.4"),
            AckCode.AA);

    String[] msh = fields(segments(ack)[0]);
    assertThat(msh[2]).isEqualTo("RCV^4.5^ISO");
    assertThat(msh[3]).isEqualTo("RFAC&X^7^L");
    assertThat(msh[4]).isEqualTo("SND^1.2.3^ISO");
    assertThat(msh[5]).isEqualTo("SFAC^9.9^DNS");
    assertThat(msh[8]).isEqualTo("ACK^A40^ACK");
  }

  @Test
  void reEncodesCustomInboundDelimitersWithTheStandardOnes() throws Exception {
    MessageHeader inbound =
        MessageHeader.parse("MSH#*~\\%#SND*X|1#SF#RCV#RF#2024##ADT*A31*ADT_A05#C^1#P*A#2.5*GBR\r");

    String ack = builder.build(inbound, AckCode.AA);

    assertThat(ack)
        .isEqualTo(
            "MSH|^~\\&|RCV|RF|SND^X\\F\\1|SF|20250701090807||ACK^A31^ACK|C\\S\\1|P^A|2.5^GBR\r"
                + "MSA|AA|C\\S\\1\r");
  }

  @Test
  void writesEmptyFieldsForAMinimalInbound() throws Exception {
    String ack = builder.build(MessageHeader.parse("MSH|^~\\&"), AckCode.AA);

    assertThat(ack).isEqualTo("MSH|^~\\&|||||20250701090807||ACK^^ACK||P|\rMSA|AA|\r");
  }

  @Test
  void escapesControlCharactersCopiedFromTheInboundHeader() throws Exception {
    String ack =
        builder.build(
            MessageHeader.parse("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C\u001c1|P|2.5"), AckCode.AA);

    assertThat(ack).doesNotContain("\u001c").contains("|C\\X1C\\1|P|2.5\r");
    assertThat(segments(ack)[1]).isEqualTo("MSA|AA|C\\X1C\\1");
  }

  @Test
  void writesMsh7InTheClocksZone() throws Exception {
    AckBuilder london = builder.withClock(Clock.fixed(NOW, ZoneId.of("Europe/London")));

    String ack = london.build(header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C1|P|2.3.1"), AckCode.AA);

    assertThat(fields(segments(ack)[0])[6]).isEqualTo("20250701100807");
  }

  @Test
  void defaultBuilderWritesAFourteenDigitTimestamp() throws Exception {
    String ack =
        new AckBuilder().build(header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C1|P|2.5"), AckCode.AA);

    assertThat(fields(segments(ack)[0])[6]).matches("\\d{14}");
  }

  @Test
  void buildsNegativeAckWithErrSegmentInV25Layout() throws Exception {
    AckError error =
        AckError.of(Hl7ErrorCode.REQUIRED_FIELD_MISSING, "Patient identifier missing")
            .at("PID", 1, 3);

    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5"), AckCode.AE, error);

    String[] segments = segments(ack);
    assertThat(segments).hasSize(3);
    assertThat(fields(segments[1]))
        .containsExactly("MSA", "AE", "C1", "Patient identifier missing");
    String[] err = fields(segments[2]);
    assertThat(err).hasSize(9);
    assertThat(err[0]).isEqualTo("ERR");
    assertThat(err[1]).as("ERR-1").isEmpty();
    assertThat(err[2]).as("ERR-2").isEqualTo("PID^1^3");
    assertThat(err[3]).as("ERR-3").isEqualTo("101^Required field missing^HL70357");
    assertThat(err[4]).as("ERR-4").isEqualTo("E");
    assertThat(err[5]).as("ERR-5").isEmpty();
    assertThat(err[6]).as("ERR-6").isEmpty();
    assertThat(err[7]).as("ERR-7").isEmpty();
    assertThat(err[8]).as("ERR-8").isEqualTo("Patient identifier missing");
  }

  @Test
  void buildsRejectWithoutLocation() throws Exception {
    AckError error = AckError.of(Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "Unsupported message type");

    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A01^ADT_A01|C2|P|2.5"), AckCode.AR, error);

    assertThat(segments(ack)[1]).isEqualTo("MSA|AR|C2|Unsupported message type");
    assertThat(segments(ack)[2])
        .isEqualTo("ERR|||200^Unsupported message type^HL70357|E||||Unsupported message type");
  }

  @Test
  void writesLocationWithoutFieldAndOtherSeverities() throws Exception {
    AckError warning =
        AckError.of(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "Unexpected segment")
            .at("ZPD", 2, 0)
            .withSeverity(ErrorSeverity.WARNING);

    String ack =
        builder.build(header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C3|P|2.5"), AckCode.AA, warning);

    assertThat(segments(ack)[2])
        .isEqualTo("ERR||ZPD^2|100^Segment sequence error^HL70357|W||||Unexpected segment");
  }

  @Test
  void escapesDelimitersAndLineBreaksInErrorText() throws Exception {
    AckError error =
        AckError.of(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, "a|b^c~d\\e&f\rg\nh\u001ci");

    String ack =
        builder.build(header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C4|P|2.5"), AckCode.AE, error);

    String escaped = "a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f\\X0D\\g\\X0A\\h\\X1C\\i";
    String[] segments = segments(ack);
    assertThat(segments).hasSize(3);
    assertThat(fields(segments[1])).containsExactly("MSA", "AE", "C4", escaped);
    assertThat(fields(segments[2])[8]).isEqualTo(escaped);
  }

  @Test
  void truncatesMsa3To80AndErr8To250Characters() throws Exception {
    String text = "x".repeat(300);

    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C5|P|2.5"),
            AckCode.AE,
            AckError.of(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, text));

    assertThat(fields(segments(ack)[1])[3]).hasSize(80);
    assertThat(fields(segments(ack)[2])[8]).hasSize(250);
  }

  @Test
  void omitsEmptyErrorText() throws Exception {
    String ack =
        builder.build(
            header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C6|P|2.5"),
            AckCode.CE,
            AckError.of(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, ""));

    assertThat(ack).endsWith("\rMSA|CE|C6\rERR|||207^Application internal error^HL70357|E\r");
  }

  @Test
  void fallbackNackIsExactlyTheReferenceText() {
    assertThat(AckBuilder.fallbackNack())
        .isEqualTo("MSH|^~\\&|||||||NACK||P|2.5|||AL\rMSA|AE|UNKNOWN|Error processing message\r");
  }

  @Test
  void fallbackNackMatchesTheSharedVector() {
    assertThat(AckBuilder.fallbackNack())
        .isEqualTo(SharedConformance.read("hl7-mock-receiver/fallback-nack.hl7"));
  }

  @ParameterizedTest(name = "{0} gives MSH-11 {1}")
  @CsvSource({
    "inbound/other/ack-builder-inbound-msh11-T.hl7, T",
    "inbound/other/ack-builder-inbound-msh11-P.hl7, P",
    "inbound/other/ack-builder-inbound-msh11-empty.hl7, P"
  })
  void buildsTheServerAckForTheSharedVectors(String vector, String processingId) throws Exception {
    MessageHeader inbound = MessageHeader.parse(SharedConformance.read(vector));

    String ack = builder.build(inbound, AckCode.AA);

    assertThat(ack)
        .isEqualTo(
            er7(
                "MSH|^~\\&|100|100|252|252|20250701090807||ACK^A31^ACK|202505052323364444|"
                    + processingId
                    + "|2.5",
                "MSA|AA|202505052323364444"));
  }

  @Test
  void buildsTheMockReceiverAckAndNackForTheSharedVectors() throws Exception {
    AckBuilder mock = builder.withProcessingIdPolicy(ProcessingIdPolicy.FIXED_P);
    String expectedMsh =
        "MSH|^~\\&|100|100|252|252|20250701090807||ACK^A31^ACK|202505052323364444|P|2.5";

    MessageHeader ok =
        MessageHeader.parse(SharedConformance.read("hl7-mock-receiver/inbound-adt-a31.hl7"));
    MessageHeader fail =
        MessageHeader.parse(
            SharedConformance.read("hl7-mock-receiver/inbound-adt-a31-fail-trigger.hl7"));

    assertThat(mock.build(ok, AckCode.AA)).isEqualTo(er7(expectedMsh, "MSA|AA|202505052323364444"));
    assertThat(mock.build(fail, AckCode.AE))
        .isEqualTo(er7(expectedMsh, "MSA|AE|202505052323364444"));
  }

  @Test
  void rejectsMissingArguments() throws Exception {
    MessageHeader inbound = header("MSH|^~\\&|A|B|C|D|2024||ADT^A31|C1|P|2.5");

    assertThatThrownBy(() -> builder.build(null, AckCode.AA))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.build(inbound, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.build(inbound, AckCode.AE, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AckBuilder(null, ProcessingIdPolicy.FIXED_P))
        .isInstanceOf(NullPointerException.class);
  }
}
