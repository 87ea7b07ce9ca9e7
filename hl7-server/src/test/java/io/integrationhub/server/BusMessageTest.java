package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.EVN;
import static io.integrationhub.server.ServerTestMessages.PD1;
import static io.integrationhub.server.ServerTestMessages.PV1;
import static io.integrationhub.server.ServerTestMessages.message;
import static io.integrationhub.server.ServerTestMessages.phwA31;
import static io.integrationhub.server.ServerTestMessages.phwA31WithDateOfBirth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.Source;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec §6: what goes on the bus for an accepted message (body, session id, message id, properties,
 * the MPI flow's routing properties on the topic) and the message-store record (§6.3), also for an
 * XSD failure, never for a rule failure.
 */
class BusMessageTest {

  private static final String STORE_QUEUE = "local-inthub-messagestore";
  private static final String RECEIVED_AT_FORMAT =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SHORT = Duration.ofMillis(300);

  private static ServerHarness phw;

  @BeforeAll
  static void startServer() {
    phw = ServerHarness.start(Map.of());
  }

  @AfterAll
  static void stopServer() {
    phw.close();
  }

  @AfterEach
  void drain() throws MessageBusException {
    // Leave both queues empty for the next test.
    phw.drainEgress(1000, SHORT);
    phw.drain(Source.queue(STORE_QUEUE), Optional.empty(), 1000, SHORT);
  }

  @Test
  void bodyIsTheInboundPayloadByteForByteWithCrLfAndTrailingCr() throws Exception {
    String payload =
        String.join(
                "\r\n",
                "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|BYTES1|T|2.5",
                EVN,
                "PID|1||8888888^^^252^PI||TESTER^ŴYN^^^MR||19900101|F",
                PD1,
                PV1)
            + "\r";

    assertThat(phw.send(payload)).hasValueSatisfying(ack -> assertThat(ack).contains("MSA|AA|"));

    List<ReceivedMessage> published = phw.drainEgress(5);
    assertThat(published).hasSize(1);
    assertThat(published.get(0).body().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sessionIdMessageIdAndTheFourCommonProperties() throws Exception {
    Instant before = Instant.now();
    assertThat(phw.send(phwA31("PROPS1"))).isPresent();
    Instant after = Instant.now();

    ReceivedMessage message = single(phw.drainEgress(5));
    assertThat(message.body()).isEqualTo(phwA31("PROPS1"));
    assertThat(message.sessionId()).contains("phw-to-mpi");
    assertThat(message.messageId()).contains("PROPS1");
    Map<String, String> properties = message.properties();
    assertThat(properties)
        .containsOnlyKeys("MessageReceivedAt", "CorrelationId", "WorkflowID", "SourceSystem")
        .containsEntry("WorkflowID", "phw-to-mpi")
        .containsEntry("SourceSystem", "252");
    String receivedAt = properties.get("MessageReceivedAt");
    assertThat(receivedAt).matches(RECEIVED_AT_FORMAT);
    assertThat(OffsetDateTime.parse(receivedAt).toInstant())
        .isBetween(before.minusMillis(1), after);
    assertThat(UUID.fromString(properties.get("CorrelationId")).version()).isEqualTo(4);
  }

  @Test
  void everyMessageGetsItsOwnCorrelationId() throws Exception {
    phw.send(phwA31("CORR1"));
    phw.send(phwA31("CORR2"));

    List<ReceivedMessage> published = phw.drainEgress(5);
    assertThat(published)
        .extracting(m -> m.messageId().orElse(""))
        .containsExactly("CORR1", "CORR2");
    assertThat(published.get(0).properties().get("CorrelationId"))
        .isNotEqualTo(published.get(1).properties().get("CorrelationId"));
  }

  @Test
  void anEmptyControlIdGivesNoMessageId() throws Exception {
    assertThat(phw.send(phwA31("")))
        .hasValueSatisfying(ack -> assertThat(ack).contains("MSA|AA|\r"));

    ReceivedMessage message = single(phw.drainEgress(5));
    assertThat(message.messageId()).isEmpty();
    assertThat(message.sessionId()).contains("phw-to-mpi");
  }

  @Test
  void aSuccessWritesOneMessageStoreRecordWithTheXml() throws Exception {
    String payload = phwA31("STORE1");
    assertThat(phw.send(payload)).isPresent();
    ReceivedMessage published = single(phw.drainEgress(5));

    List<ReceivedMessage> records = storeRecords(phw, 5);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).sessionId()).isEmpty();
    JsonNode record = JSON.readTree(records.get(0).body());
    assertThat(fieldNames(record))
        .containsExactlyInAnyOrder(
            "MessageReceivedAt",
            "CorrelationId",
            "SourceSystem",
            "ProcessingComponent",
            "TargetSystem",
            "RawPayload",
            "XmlPayload",
            "SessionId");
    assertThat(record.get("MessageReceivedAt").asText())
        .isEqualTo(published.properties().get("MessageReceivedAt"));
    assertThat(record.get("CorrelationId").asText())
        .isEqualTo(published.properties().get("CorrelationId"));
    assertThat(record.get("SourceSystem").asText()).isEqualTo("252");
    assertThat(record.get("ProcessingComponent").asText()).isEqualTo("phw_hl7_server");
    assertThat(record.get("TargetSystem").asText()).isEqualTo("MPI");
    assertThat(record.get("SessionId").asText()).isEqualTo("phw-to-mpi");
    assertThat(record.get("RawPayload").asText()).isEqualTo(payload);
    assertThat(record.get("XmlPayload").isTextual()).isTrue();
    assertThat(record.get("XmlPayload").asText()).contains("ADT_A05").contains("urn:hl7-org:v2xml");
  }

  @Test
  void anXsdFailureIsStoredWithNullXmlAndNotPublished() throws Exception {
    // ADT_A05 needs PV1 in the PHW schemas.
    String payload =
        message(
            "252",
            "ADT^A31^ADT_A05",
            "XSDFAIL1",
            "2.5",
            List.of(EVN, "PID|1||8888888^^^252^PI||TESTER^TEST^^^MR||19900101|F", PD1));
    int eventsBefore = phw.events().size();

    assertThat(phw.send(payload)).isEmpty();

    List<Event> failed =
        ServerTestMessages.eventsSince(phw, eventsBefore, EventType.MESSAGE_FAILED);
    assertThat(failed).hasSize(1);
    List<ReceivedMessage> records = storeRecords(phw, 5);
    assertThat(records).hasSize(1);
    JsonNode record = JSON.readTree(records.get(0).body());
    assertThat(record.has("XmlPayload")).isTrue();
    assertThat(record.get("XmlPayload").isNull()).isTrue();
    assertThat(record.get("RawPayload").asText()).isEqualTo(payload);
    assertThat(record.get("CorrelationId").asText()).isEqualTo(failed.get(0).correlationId());
    assertThat(record.get("SessionId").asText()).isEqualTo("phw-to-mpi");
    assertThat(record.get("MessageReceivedAt").asText()).matches(RECEIVED_AT_FORMAT);
    assertThat(phw.drainEgress(5, SHORT)).isEmpty();
  }

  @Test
  void aRuleFailureIsNeitherPublishedNorStored() throws Exception {
    assertThat(phw.send(phwA31WithDateOfBirth("RULEFAIL1", "1987-01-01"))).isEmpty();
    // A valid message afterwards: its record is the only one on the store queue.
    assertThat(phw.send(phwA31("AFTERRULE1"))).isPresent();

    assertThat(phw.drainEgress(5))
        .extracting(m -> m.messageId().orElse(""))
        .containsExactly("AFTERRULE1");
    List<ReceivedMessage> records = storeRecords(phw, 5);
    assertThat(records).hasSize(1);
    assertThat(JSON.readTree(records.get(0).body()).get("RawPayload").asText())
        .isEqualTo(phwA31("AFTERRULE1"));
  }

  @Test
  void mpiMessagesGoToTheTopicWithTheirRoutingProperties() throws Exception {
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    List<String> sent = new ArrayList<>();
    try (ServerHarness mpi = ServerHarness.startFlow("mpi", Map.of())) {
      sent.add(
          mpiMessage(
              "ADT^A28^ADT_A05",
              "MPI1",
              "7000001^^^108^PI",
              "123^^^NHS^NH~456^^^212^PI",
              "2023-01-15",
              ""));
      expected.put("MPI1", mpiProperties("A28", "|108|", "|NHS|212|", "2023-01-15", ""));
      sent.add(
          mpiMessage(
              "ADT^A31^ADT_A05",
              "MPI2",
              "A1^^^108^PI~B2^^^252^PI~C3^^^108^PI",
              "123^^^NHS^NH",
              "",
              ""));
      expected.put("MPI2", mpiProperties("A31", "|108|252|", "|NHS|", "", ""));
      sent.add(
          mpiMessage(
              "ADT^A40^ADT_A39", "MPI3", "A1^^^108&1.1&ISO^PI", "", "20230115103000^Y", "Y"));
      expected.put("MPI3", mpiProperties("A40", "|108|", "", "20230115103000", "Y"));
      sent.add(mpiMessage("ADT^A28", "MPI4", "A1^^^ 252 ^PI", "9^^^212^PI", "", ""));
      expected.put("MPI4", mpiProperties("A28", "|252|", "|212|", "", ""));

      for (String message : sent) {
        assertThat(mpi.send(message))
            .hasValueSatisfying(ack -> assertThat(ack).contains("MSA|AA|"));
      }

      List<ReceivedMessage> published = mpi.drainEgress(10);
      assertThat(published)
          .extracting(m -> m.messageId().orElse(""))
          .containsExactly("MPI1", "MPI2", "MPI3", "MPI4");
      for (int i = 0; i < published.size(); i++) {
        ReceivedMessage message = published.get(i);
        assertThat(message.body()).isEqualTo(sent.get(i));
        assertThat(message.sessionId()).contains("mpi-outbound");
        Map<String, String> properties = message.properties();
        assertThat(properties)
            .as("properties of %s", message.messageId())
            .containsOnlyKeys(
                "MessageReceivedAt",
                "CorrelationId",
                "WorkflowID",
                "SourceSystem",
                "MessageType",
                "UpdateSources",
                "AssigningAuthorities",
                "DateDeath",
                "ReasonDeath")
            .containsAllEntriesOf(expected.get(message.messageId().orElseThrow()))
            .containsEntry("WorkflowID", "mpi-to-topic")
            .containsEntry("SourceSystem", "100");
        assertThat(properties.get("MessageReceivedAt")).matches(RECEIVED_AT_FORMAT);
      }

      // Store: schema-less XML for every message; without MSH-9.3 (ADT^A28) the structure comes
      // from the trigger as the validator finds it (the reference stored null there).
      List<ReceivedMessage> records = storeRecords(mpi, 10);
      assertThat(records).hasSize(4);
      for (ReceivedMessage record : records) {
        JsonNode json = JSON.readTree(record.body());
        assertThat(json.get("ProcessingComponent").asText()).isEqualTo("mpi_hl7_server");
        assertThat(json.get("TargetSystem").asText()).isEqualTo("TOPIC");
        assertThat(json.get("SessionId").asText()).isEqualTo("mpi-outbound");
        String xml = json.get("XmlPayload").asText();
        assertThat(xml).contains("PID.2>");
        if (json.get("RawPayload").asText().contains("|ADT^A28|")) {
          assertThat(xml).contains("ADT_A05");
        }
      }
    }
  }

  private static String mpiMessage(
      String msh9, String controlId, String pid2, String pid3, String pid29, String pid30) {
    String pid =
        "PID|1|"
            + pid2
            + "|"
            + pid3
            + "||TESTER^TEST^^^MR||19900101|F"
            + "|".repeat(21)
            + pid29
            + "|"
            + pid30;
    List<String> segments =
        msh9.contains("A40")
            ? List.of(EVN, pid, "MRG|9999999^^^252^PI")
            : List.of(EVN, pid, PD1, PV1);
    return message("100", msh9, controlId, "2.5", segments);
  }

  private static Map<String, String> mpiProperties(
      String type, String updateSources, String authorities, String dateDeath, String reason) {
    return Map.of(
        "MessageType", type,
        "UpdateSources", updateSources,
        "AssigningAuthorities", authorities,
        "DateDeath", dateDeath,
        "ReasonDeath", reason);
  }

  private static List<ReceivedMessage> storeRecords(ServerHarness server, int max)
      throws MessageBusException {
    return server.drain(Source.queue(STORE_QUEUE), Optional.empty(), max);
  }

  private static ReceivedMessage single(List<ReceivedMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
