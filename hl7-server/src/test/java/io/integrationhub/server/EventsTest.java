package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.EVN;
import static io.integrationhub.server.ServerTestMessages.PD1;
import static io.integrationhub.server.ServerTestMessages.eventsSince;
import static io.integrationhub.server.ServerTestMessages.forFlow;
import static io.integrationhub.server.ServerTestMessages.message;
import static io.integrationhub.server.ServerTestMessages.phwA31;
import static io.integrationhub.server.ServerTestMessages.phwA31WithDateOfBirth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.Source;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * observability.md E3 as this server does it: the events of each outcome, in order, all with the
 * message's correlation id, and exactly one terminal event (MESSAGE_PROCESSED or one MESSAGE_FAILED
 * with a stable validation_result); payloads redacted unless switched off.
 */
class EventsTest {

  private static final String PATIENT_NAME = "TESTER";
  private static final String NHS_NUMBER = "4444444444";

  private static ServerHarness server;

  @BeforeAll
  static void startServer() {
    server = ServerHarness.start(Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void drain() throws MessageBusException {
    server.drainEgress(1000, Duration.ofMillis(300));
    server.drain(
        Source.queue("local-inthub-messagestore"), Optional.empty(), 1000, Duration.ofMillis(300));
  }

  @Test
  void anAcceptedMessageHasReceivedTwoValidationSuccessesAndProcessed() throws Exception {
    int before = server.events().size();

    assertThat(server.send(phwA31("EVT-OK"))).isPresent();

    List<Event> events = eventsSince(server, before);
    assertThat(events)
        .extracting(Event::eventType, Event::validationResult, Event::errorDetails)
        .containsExactly(
            tuple(EventType.MESSAGE_RECEIVED, null, null),
            tuple(EventType.VALIDATION_SUCCESS, "Valid HL7 message - Type: ADT^A31^ADT_A05", null),
            tuple(EventType.VALIDATION_SUCCESS, "XML validation passed for flow 'phw'", null),
            tuple(EventType.MESSAGE_PROCESSED, "ACK generated successfully", null));
    String correlationId = events.get(0).correlationId();
    assertThat(correlationId).isNotBlank();
    assertThat(events).extracting(Event::correlationId).containsOnly(correlationId);
    assertThat(events)
        .extracting(Event::workflowId, Event::microserviceId)
        .containsOnly(tuple("phw-to-mpi", "phw_hl7_server"));
    ReceivedMessage published = server.drainEgress(5).get(0);
    assertThat(published.properties()).containsEntry("CorrelationId", correlationId);
  }

  @Test
  void aRuleFailureHasReceivedValidationFailedAndExactlyOneFailed() throws Exception {
    int before = server.events().size();

    assertThat(server.send(phwA31WithDateOfBirth("EVT-RULE", "17990101"))).isEmpty();

    List<Event> events = eventsSince(server, before);
    String rule =
        "HL7 validation error: PID.7 (Date of birth) - year of birth must be 1800 or later"
            + " for PHW.";
    assertThat(events)
        .extracting(Event::eventType, Event::validationResult, Event::errorDetails)
        .containsExactly(
            tuple(EventType.MESSAGE_RECEIVED, null, null),
            tuple(EventType.VALIDATION_FAILED, null, rule),
            tuple(EventType.MESSAGE_FAILED, "HL7 validation failed", rule));
    assertThat(events).extracting(Event::correlationId).doesNotContainNull().hasSize(3);
    assertThat(events.stream().map(Event::correlationId).distinct()).hasSize(1);
  }

  @Test
  void aParseErrorForAnUnknownSegmentIsOneFailure() throws Exception {
    int before = server.events().size();
    String message =
        message(
            "252",
            "ADT^A31^ADT_A05",
            "EVT-XXX",
            "2.5",
            List.of(EVN, ServerTestMessages.PID, "XXX|1|2", PD1, ServerTestMessages.PV1));

    assertThat(server.send(message)).isEmpty();

    List<Event> events = eventsSince(server, before);
    assertThat(events)
        .extracting(Event::eventType, Event::errorDetails)
        .containsExactly(
            tuple(EventType.MESSAGE_RECEIVED, null),
            tuple(EventType.VALIDATION_FAILED, "HL7 parsing error: Invalid name for Segment: XXX"),
            tuple(EventType.MESSAGE_FAILED, "HL7 parsing error: Invalid name for Segment: XXX"));
    assertThat(events.get(2).validationResult()).isEqualTo("HL7 parsing error");
  }

  @Test
  void anUnroutedMessageHasExactlyOneFailedAndNoReceived() throws Exception {
    int before = server.events().size();

    assertThat(server.send(forFlow("phw", "ADT^A05^ADT_A05", "EVT-UNROUTED"))).isEmpty();

    List<Event> events = eventsSince(server, before);
    assertThat(events)
        .extracting(Event::eventType, Event::validationResult, Event::errorDetails)
        .containsExactly(
            tuple(
                EventType.MESSAGE_FAILED,
                "Unsupported message type",
                "Unsupported Message Type: Unsupported message type ADT^A05^ADT_A05"));
    assertThat(events.get(0).correlationId()).isNotBlank();
  }

  @Test
  void aHeaderThatIsNotHl7HasOnlyOneFailureAndNoValidationEvents() throws Exception {
    int before = server.events().size();
    // A fifth (truncation) encoding character is allowed from v2.7 only.
    String message = phwA31("EVT-MSH2").replace("MSH|^~\\&|", "MSH|^~\\&#|");

    assertThat(server.send(message)).isEmpty();

    List<Event> events = eventsSince(server, before);
    assertThat(events)
        .extracting(Event::eventType, Event::validationResult)
        .containsExactly(tuple(EventType.MESSAGE_FAILED, "Invalid HL7 message format"));
    assertThat(events.get(0).errorDetails())
        .isEqualTo(
            "Invalid HL7 Message: Invalid encoding chars: a fifth (truncation) character is only"
                + " allowed from HL7 v2.7");
    assertThat(server.drainEgress(5, Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void anXsdFailureHasValidationFailedWithTheCorrelationIdAndOneFailed() throws Exception {
    int before = server.events().size();
    // A merge (ADT_A39) without MRG: the PATIENT group is incomplete.
    String message =
        message(
            "252",
            "ADT^A40^ADT_A39",
            "EVT-XSD",
            "2.5",
            List.of(EVN, ServerTestMessages.PID, ServerTestMessages.PV1));

    assertThat(server.send(message)).isEmpty();

    List<Event> events = eventsSince(server, before);
    assertThat(events)
        .extracting(Event::eventType)
        .containsExactly(
            EventType.MESSAGE_RECEIVED,
            EventType.VALIDATION_SUCCESS,
            EventType.VALIDATION_FAILED,
            EventType.MESSAGE_FAILED);
    String correlationId = events.get(0).correlationId();
    assertThat(events).extracting(Event::correlationId).containsOnly(correlationId);
    Event validationFailed = events.get(2);
    assertThat(validationFailed.errorDetails())
        .startsWith("XML validation failed for flow 'phw': ")
        .contains("MRG")
        .endsWith(" (CorrelationId: " + correlationId + ")");
    Event failed = events.get(3);
    assertThat(failed.validationResult()).isEqualTo("XML schema validation failed");
    assertThat(failed.errorDetails()).isEqualTo(validationFailed.errorDetails());
  }

  @Test
  void eventContentIsRedacted() throws Exception {
    int before = server.events().size();

    server.send(phwA31("EVT-REDACT"));
    server.send(phwA31WithDateOfBirth("EVT-REDACT2", "1987-01-01"));

    List<Event> events = eventsSince(server, before);
    assertThat(events).hasSizeGreaterThan(5);
    for (Event event : events) {
      assertThat(event.messageContent())
          .startsWith("MSH|^~\\&|252|252|100|100|")
          .doesNotContain(PATIENT_NAME)
          .doesNotContain(NHS_NUMBER)
          .doesNotContain("19900101")
          .contains("\rPID|***|");
    }
  }

  @Test
  void withRedactionOffTheContentIsTheMessage() throws Exception {
    try (ServerHarness unredacted =
        ServerHarness.start(Map.of("HL7_LOG_REDACTION_ENABLED", "false"))) {
      unredacted.send(phwA31("EVT-PLAIN"));

      assertThat(unredacted.events(EventType.MESSAGE_PROCESSED))
          .singleElement()
          .extracting(Event::messageContent)
          .isEqualTo(phwA31("EVT-PLAIN"));
      assertThat(unredacted.events())
          .allSatisfy(e -> assertThat(e.messageContent()).contains(PATIENT_NAME, NHS_NUMBER));
    }
  }
}
