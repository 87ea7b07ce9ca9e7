package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The message-store record the queue sender writes (spec hl7-sender.md §10, message-bus.md §8.1):
 * fields, XML payload, sent before the MLLP send, once per message, never for replays, null XML
 * with VALIDATION_FAILED when the body cannot be converted, and none when the store is disabled.
 */
class SenderStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static String controlId(String message) {
    return message.split("\r")[0].split("\\|", -1)[9];
  }

  private static String ack(String message, String code) {
    return "MSH|^~\\&|100|100|252|252|20250101||ACK|A"
        + controlId(message)
        + "|P|2.5\rMSA|"
        + code
        + "|"
        + controlId(message);
  }

  private static Function<String, PeerBehaviour> answering(String code) {
    return message -> PeerBehaviour.reply(ack(message, code));
  }

  private static SenderHarness start(FaultyMllpPeer peer, Map<String, String> overrides) {
    return start(peer, overrides, Duration.ofSeconds(5));
  }

  private static SenderHarness start(
      FaultyMllpPeer peer, Map<String, String> overrides, Duration stopTimeout) {
    Map<String, String> env = new HashMap<>(overrides);
    env.put("RECEIVER_MLLP_HOST", peer.host());
    env.put("RECEIVER_MLLP_PORT", String.valueOf(peer.port()));
    return SenderHarness.start(
        "mpi-hl7-sender.env", env, tuning -> tuning.stopTimeout(stopTimeout));
  }

  /** Takes store records until {@code count} arrived (or the wait is over). */
  private static List<JsonNode> awaitRecords(SenderHarness sender, int count) {
    return awaitRecords(sender, count, WAIT);
  }

  private static List<JsonNode> awaitRecords(SenderHarness sender, int count, Duration wait) {
    List<String> records = new ArrayList<>();
    Poll.until(
        () -> {
          records.addAll(sender.drainStore());
          return records.size() >= count;
        },
        wait);
    return parse(records);
  }

  private static List<JsonNode> parse(List<String> records) {
    List<JsonNode> parsed = new ArrayList<>();
    for (String record : records) {
      try {
        parsed.add(JSON.readTree(record));
      } catch (IOException e) {
        throw new AssertionError("Store record is not JSON: " + record, e);
      }
    }
    return parsed;
  }

  @Test
  void firstDeliveryWritesTheRecordWithForwardedMetadata() {
    String message = SenderTestMessages.adtA31("STORE0001");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AA"));
        SenderHarness sender = start(mpi, Map.of())) {
      sender.publish(
          List.of(message),
          Map.of(
              "MessageReceivedAt", "2025-05-05T23:23:36.123Z",
              "CorrelationId", "corr-store-0001",
              "SourceSystem", "252",
              "WorkflowID", "phw-to-mpi"));

      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
          .isTrue();
      List<JsonNode> records = awaitRecords(sender, 1);

      assertThat(records).hasSize(1);
      JsonNode record = records.get(0);
      assertThat(fieldNames(record))
          .containsExactly(
              "MessageReceivedAt",
              "CorrelationId",
              "SourceSystem",
              "ProcessingComponent",
              "TargetSystem",
              "RawPayload",
              "XmlPayload",
              "SessionId");
      assertThat(record.get("MessageReceivedAt").asText()).isEqualTo("2025-05-05T23:23:36.123Z");
      assertThat(record.get("CorrelationId").asText()).isEqualTo("corr-store-0001");
      assertThat(record.get("SourceSystem").asText()).isEqualTo("252");
      assertThat(record.get("ProcessingComponent").asText()).isEqualTo("mpi_hl7_sender");
      assertThat(record.get("TargetSystem").asText()).isEqualTo("MPI");
      assertThat(record.get("RawPayload").asText()).isEqualTo(message);
      assertThat(record.get("SessionId").asText()).isEqualTo("mpi");
      JsonNode xml = record.get("XmlPayload");
      assertThat(xml.isTextual()).isTrue();
      // The schema-less HL7 v2 XML of SchemaLessConverter: namespaced, no XML declaration.
      assertThat(xml.asText())
          .startsWith("<ns0:ADT_A05 xmlns:ns0=\"urn:hl7-org:v2xml\">")
          .contains("<ns0:MSH.10>STORE0001</ns0:MSH.10>")
          .contains("<ns0:PID.5>Testperson^Test^^^Mr</ns0:PID.5>")
          .endsWith("</ns0:ADT_A05>");
      Element root = parseXml(xml.asText()).getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("ADT_A05");
      assertThat(root.getNamespaceURI()).isEqualTo("urn:hl7-org:v2xml");
      assertThat(root.getElementsByTagNameNS("urn:hl7-org:v2xml", "PID").getLength()).isEqualTo(1);
      assertThat(sender.events(EventType.VALIDATION_FAILED)).isEmpty();
    }
  }

  @Test
  void missingMetadataIsWrittenAsEmptyStrings() {
    String message = SenderTestMessages.adtA31("STORE0002");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AA"));
        SenderHarness sender = start(mpi, Map.of())) {
      sender.publish(List.of(message), Map.of());

      List<JsonNode> records = awaitRecords(sender, 1);

      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("MessageReceivedAt").asText()).isEmpty();
      assertThat(records.get(0).get("CorrelationId").asText()).isEmpty();
      assertThat(records.get(0).get("SourceSystem").asText()).isEmpty();
      assertThat(records.get(0).get("RawPayload").asText()).isEqualTo(message);
    }
  }

  @Test
  void theRecordIsWrittenBeforeTheSendAndExistsWhileThePeerNeverAnswers() {
    String message = SenderTestMessages.adtA31("STORE0003");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(m -> PeerBehaviour.neverReply());
        SenderHarness sender =
            start(mpi, Map.of("ACK_TIMEOUT_SECONDS", "30"), Duration.ofSeconds(1))) {
      sender.publish(List.of(message), Map.of("CorrelationId", "corr-store-0003"));

      assertThat(Poll.until(() -> mpi.receivedMessages().size() == 1, WAIT)).isTrue();
      List<JsonNode> records = awaitRecords(sender, 1);

      // The send is still waiting for its ACK (30 s): no outcome yet, but the copy is stored.
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(sender.events(EventType.MESSAGE_FAILED)).isEmpty();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("CorrelationId").asText()).isEqualTo("corr-store-0003");
      assertThat(records.get(0).get("RawPayload").asText()).isEqualTo(message);
    }
  }

  @Test
  void retriesOfTheSameMessageDoNotStoreItAgain() {
    String message = SenderTestMessages.adtA31("STORE0004");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AE"));
        SenderHarness sender = start(mpi, Map.of("NEGATIVE_ACK_POLICY", "retry"))) {
      sender.publish(List.of(message), Map.of("CorrelationId", "corr-store-0004"));

      assertThat(Poll.until(() -> mpi.receivedMessages().size() >= 4, WAIT)).isTrue();
      // Stopping flushes the store client: every record the sender made is on the queue now.
      sender.stopSender();
      List<JsonNode> records = awaitRecords(sender, 2, Duration.ofSeconds(3));

      assertThat(sender.events(EventType.MESSAGE_FAILED)).hasSizeGreaterThanOrEqualTo(4);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("CorrelationId").asText()).isEqualTo("corr-store-0004");
      List<ReceivedMessage> left = sender.drainIngress();
      assertThat(left).hasSize(1);
      assertThat(left.get(0).deliveryCount()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void aReplayedMessageIsNotStored() {
    String replay = SenderTestMessages.adtA31("STORE0005");
    String normal = SenderTestMessages.adtA31("STORE0006");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AA"));
        SenderHarness sender = start(mpi, Map.of())) {
      sender.publish(
          List.of(replay),
          Map.of(
              "CorrelationId", "corr-replayed",
              "ReplayId", "replay-1",
              "MessageId", "stored-message-1"));
      sender.publish(List.of(normal), Map.of("CorrelationId", "corr-normal"));

      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 2, WAIT))
          .isTrue();
      // Records go out in order: once the later message's record is there, a replay record
      // would be too.
      List<JsonNode> records = awaitRecords(sender, 1);
      records.addAll(parse(sender.drainStore()));

      assertThat(mpi.receivedMessages()).containsExactly(replay, normal);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("CorrelationId").asText()).isEqualTo("corr-normal");
    }
  }

  @Test
  void aBodyThatCannotBeConvertedIsStoredWithNullXmlAndAValidationFailedEvent() {
    // MSH-9 empty: HL7 with a readable MSH-10, but no structure to convert to.
    String message =
        "MSH|^~\\&|252|252|100|100|20250505232336|||STORE0007|P|2.5\r"
            + "PID|1||8888888^^^252^PI||Testperson^Test\r";
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AA"));
        SenderHarness sender = start(mpi, Map.of())) {
      sender.publish(List.of(message), Map.of("CorrelationId", "corr-store-0007"));

      List<JsonNode> records = awaitRecords(sender, 1);
      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
          .isTrue();

      assertThat(records).hasSize(1);
      assertThat(records.get(0).has("XmlPayload")).isTrue();
      assertThat(records.get(0).get("XmlPayload").isNull()).isTrue();
      assertThat(records.get(0).get("RawPayload").asText()).isEqualTo(message);
      List<Event> invalid = sender.events(EventType.VALIDATION_FAILED);
      assertThat(invalid).hasSize(1);
      assertThat(invalid.get(0).validationResult())
          .startsWith("Failed to generate XML payload for message store");
      assertThat(invalid.get(0).correlationId()).isEqualTo("corr-store-0007");
      // The conversion failure does not stop the delivery.
      assertThat(mpi.receivedMessages()).containsExactly(message);
    }
  }

  @Test
  void aDisabledStoreWritesNoRecord() {
    String message = SenderTestMessages.adtA31("STORE0008");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(answering("AA"));
        SenderHarness sender = start(mpi, Map.of("MESSAGE_STORE_ENABLED", "False"))) {
      assertThat(sender.settings().messageStoreQueue()).isEmpty();
      sender.publish(List.of(message), Map.of("CorrelationId", "corr-store-0008"));

      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
          .isTrue();
      sender.stopSender();

      assertThat(mpi.receivedMessages()).containsExactly(message);
      assertThat(sender.drainStore()).isEmpty();
      assertThat(sender.events(EventType.VALIDATION_FAILED)).isEmpty();
    }
  }

  private static Document parseXml(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("XmlPayload is not well-formed XML: " + xml, e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
