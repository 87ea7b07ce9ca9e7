package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.EVN;
import static io.integrationhub.server.ServerTestMessages.PD1;
import static io.integrationhub.server.ServerTestMessages.PID;
import static io.integrationhub.server.ServerTestMessages.PV1;
import static io.integrationhub.server.ServerTestMessages.field;
import static io.integrationhub.server.ServerTestMessages.segmentIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec §5.1, field by field, for accepted messages. The server runs the PHW env file without the
 * version, sending-application and flow checks, so that MSH-3 to MSH-6, MSH-11 and MSH-12 can carry
 * any value and only the ACK is under test.
 */
class AckTest {

  private static final Duration READ = Duration.ofSeconds(10);
  private static ServerHarness server;

  @BeforeAll
  static void startServer() {
    server =
        ServerHarness.start(
            Map.of("HL7_VERSION", "", "SENDING_APP", "", "HL7_VALIDATION_FLOW", ""));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static String ackFor(String message) throws Exception {
    try (RawMllpClient client = server.connect()) {
      client.sendFrame(message);
      return client.readFrame(READ);
    }
  }

  private static String msh(String fields) {
    return "MSH|^~\\&|" + fields;
  }

  private static String withBody(String msh) {
    return String.join("\r", msh, EVN, PID, PD1, PV1);
  }

  @Test
  void theReferenceExampleIsReproducedExactly() throws Exception {
    String ack =
        ackFor(withBody(msh("252|252|100|100|2025-05-05 23:23:32||ADT^A31^ADT_A05|CTRL1|T|2.5")));

    assertThat(ack)
        .matches(
            "MSH\\|\\^~\\\\&\\|100\\|100\\|252\\|252\\|\\d{14}\\|\\|ACK\\^A31\\^ACK\\|CTRL1\\|T\\|2\\.5\rMSA\\|AA\\|CTRL1\r");
  }

  @Test
  void everyHeaderFieldOfTheAckIsDerivedFromTheInboundHeader() throws Exception {
    LocalDateTime before = LocalDateTime.now().withNano(0);
    String ack =
        ackFor(
            withBody(
                msh(
                    "252^1.2^ISO|FAC^3.4^ISO|RCV^5.6^ISO|RFAC^7.8^ISO|20250505232332||"
                        + "ADT^A31^ADT_A05|CTRL-ACK-1|P^A|2.5^GBR")));
    LocalDateTime after = LocalDateTime.now();

    assertThat(segmentIds(ack)).containsExactly("MSH", "MSA");
    assertThat(ack).endsWith("\r");
    assertThat(field(ack, "MSH", 1)).isEqualTo("|");
    assertThat(field(ack, "MSH", 2)).isEqualTo("^~\\&");
    assertThat(field(ack, "MSH", 3)).as("MSH-3 = inbound MSH-5").isEqualTo("RCV^5.6^ISO");
    assertThat(field(ack, "MSH", 4)).as("MSH-4 = inbound MSH-6").isEqualTo("RFAC^7.8^ISO");
    assertThat(field(ack, "MSH", 5)).as("MSH-5 = inbound MSH-3").isEqualTo("252^1.2^ISO");
    assertThat(field(ack, "MSH", 6)).as("MSH-6 = inbound MSH-4").isEqualTo("FAC^3.4^ISO");
    String msh7 = field(ack, "MSH", 7);
    assertThat(msh7).as("MSH-7").matches("\\d{14}");
    assertThat(LocalDateTime.parse(msh7, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")))
        .as("MSH-7 is the server's local time now")
        .isBetween(before, after);
    assertThat(field(ack, "MSH", 8)).as("MSH-8").isEmpty();
    assertThat(field(ack, "MSH", 9)).isEqualTo("ACK^A31^ACK");
    assertThat(field(ack, "MSH", 10)).as("MSH-10 = inbound MSH-10").isEqualTo("CTRL-ACK-1");
    assertThat(field(ack, "MSH", 11)).as("MSH-11 copied").isEqualTo("P^A");
    assertThat(field(ack, "MSH", 12)).as("MSH-12 copied whole").isEqualTo("2.5^GBR");
    String mshSegment = ack.split("\r")[0];
    assertThat(mshSegment.split("\\|", -1)).as("MSH ends after MSH-12").hasSize(12);
    assertThat(ack.split("\r")[1]).isEqualTo("MSA|AA|CTRL-ACK-1");
  }

  @ParameterizedTest(name = "inbound MSH-11 ''{0}'' -> ''{1}''")
  @CsvSource(
      value = {"T,T", "P,P", "D,D", "P^A,P^A", "'',P"},
      emptyValue = "")
  void processingIdIsCopiedAndAnEmptyOneBecomesP(String inbound, String expected) throws Exception {
    String ack =
        ackFor(
            withBody(
                msh("252|252|100|100|20250505232332||ADT^A28^ADT_A05|PID11|" + inbound + "|2.5")));

    assertThat(field(ack, "MSH", 11)).isEqualTo(expected);
    assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
  }

  @Test
  void aVersion231MessageGetsAckTriggerAckAndItsOwnVersion() throws Exception {
    String ack =
        ackFor(withBody(msh("PIMS|PIMS|100|100|20250505232332||ADT^A28|CTRL-231|T|2.3.1")));

    assertThat(field(ack, "MSH", 9)).isEqualTo("ACK^A28^ACK");
    assertThat(field(ack, "MSH", 12)).isEqualTo("2.3.1");
    assertThat(ack.split("\r")[1]).isEqualTo("MSA|AA|CTRL-231");
  }

  @Test
  void anEmptyControlIdGivesAnEmptyMsa2() throws Exception {
    String ack = ackFor(withBody(msh("252|252|100|100|20250505232332||ADT^A31^ADT_A05||T|2.5")));

    assertThat(field(ack, "MSH", 10)).isEmpty();
    assertThat(ack.split("\r")[1]).isEqualTo("MSA|AA|");
  }

  @Test
  void aCustomFieldSeparatorInboundStillGetsAPipeAck() throws Exception {
    String inbound =
        String.join(
            "\r",
            "MSH#^~\\&#252#252#100#100#20250505232332##ADT^A31^ADT_A05#CTRL-HASH#T#2.5",
            EVN.replace('|', '#'),
            PID.replace('|', '#'),
            PD1.replace('|', '#'),
            PV1.replace('|', '#'));

    String ack = ackFor(inbound);

    assertThat(ack).startsWith("MSH|^~\\&|100|100|252|252|");
    assertThat(field(ack, "MSH", 9)).isEqualTo("ACK^A31^ACK");
    assertThat(field(ack, "MSH", 10)).isEqualTo("CTRL-HASH");
    assertThat(ack.split("\r")[1]).isEqualTo("MSA|AA|CTRL-HASH");
  }

  @Test
  void theAckIsOneMllpFrame() throws Exception {
    try (RawMllpClient client = server.connect()) {
      client.sendFrame(
          withBody(msh("252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTRL-FRAME|T|2.5")));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (bytes.size() < 2 || !endsWithEndBlock(bytes.toByteArray())) {
        bytes.writeBytes(client.readAvailable(READ));
      }
      byte[] frame = bytes.toByteArray();

      assertThat(frame[0]).isEqualTo((byte) 0x0B);
      String text =
          new String(Arrays.copyOfRange(frame, 1, frame.length - 2), StandardCharsets.UTF_8);
      assertThat(text).endsWith("\rMSA|AA|CTRL-FRAME\r");
      assertThat(List.of(text.split("\r"))).hasSize(2);
    }
  }

  private static boolean endsWithEndBlock(byte[] bytes) {
    return bytes[bytes.length - 2] == 0x1C && bytes[bytes.length - 1] == 0x0D;
  }
}
