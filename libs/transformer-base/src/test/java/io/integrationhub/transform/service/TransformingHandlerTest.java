package io.integrationhub.transform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.processing.HandlerOutcome;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.events.EventSink;
import io.integrationhub.events.EventType;
import io.integrationhub.events.RecordingEventSink;
import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.TransformException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class TransformingHandlerTest {

  private static final String GOOD =
      "MSH|^~\\&|252|252|100|100|20300203040506||ADT^A31|CTRL1|P|2.5\rPID|||123^^^252^PI";
  private static final String BAD =
      "MSH|^~\\&|252|252|100|100|NOT-A-DATE||ADT^A31|CTRL2|P|2.5\rPID|||123^^^252^PI";
  private static final Map<String, String> PROPERTIES =
      Map.of("CorrelationId", "corr-1", "WorkflowID", "phw-to-mpi", "SourceSystem", "252");

  /** Copies MSH-3, MSH-7 and MSH-10; rejects an MSH-7 that is not digits, naming the field. */
  private static final class TestTransformer extends FlowTransformer {
    TestTransformer() {
      super("TEST");
    }

    @Override
    protected List<Mapper> mappers() {
      return List.of(
          (in, out, audit) -> {
            String msh7 = in.value("MSH.7.1");
            if (!msh7.chars().allMatch(Character::isDigit)) {
              throw new TransformException("MSH.7 (message date/time) is not a date");
            }
            out.set("MSH.3.1", in.value("MSH.3.1"));
            out.set("MSH.7.1", msh7);
            out.set("MSH.10", in.value("MSH.10"));
          });
    }
  }

  private final RecordingEventSink recording = new RecordingEventSink();
  private final EventLogger events =
      new EventLogger(
          EventLoggerSettings.from(
              Map.of(
                  "WORKFLOW_ID",
                  "phw-to-mpi",
                  "MICROSERVICE_ID",
                  "phw_hl7_transformer",
                  "HL7_LOG_REDACTION_ENABLED",
                  "false")),
          List.<EventSink>of(recording),
          Clock.systemUTC());
  private final MessagePublisher egress = mock(MessagePublisher.class);

  private TransformingHandler handler(String policy) {
    Map<String, String> env = new HashMap<>();
    env.put("INGRESS_QUEUE_NAME", "in-q");
    env.put("INGRESS_SESSION_ID", "phw-to-mpi");
    env.put("EGRESS_QUEUE_NAME", "out-q");
    env.put("EGRESS_SESSION_ID", "mpi");
    env.put("WORKFLOW_ID", "phw-to-mpi");
    env.put("MICROSERVICE_ID", "phw_hl7_transformer");
    if (policy != null) {
      env.put("TRANSFORM_FAILURE_POLICY", policy);
    }
    return new TransformingHandler(
        new TestTransformer(), egress, TransformerSettings.from(env::get), events);
  }

  private static ReceivedMessage received(String body, Map<String, String> properties) {
    ReceivedMessage message = mock(ReceivedMessage.class);
    when(message.body()).thenReturn(body);
    when(message.properties()).thenReturn(properties);
    when(message.messageId()).thenReturn(Optional.of("id-1"));
    return message;
  }

  @Test
  void successPublishesWithInboundPropertiesAndEgressSessionThenCompletes()
      throws MessageBusException {
    HandlerOutcome outcome = handler(null).handle(received(GOOD, PROPERTIES));

    assertThat(outcome).isEqualTo(HandlerOutcome.completed());
    ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
    verify(egress).publish(sent.capture());
    assertThat(sent.getValue().body()).isEqualTo("MSH|^~\\&|252||||20300203040506|||CTRL1");
    assertThat(sent.getValue().sessionId()).contains("mpi");
    assertThat(sent.getValue().messageId()).isEmpty();
    assertThat(sent.getValue().properties()).isEqualTo(PROPERTIES);

    assertThat(recording.events())
        .extracting(Event::eventType)
        .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_PROCESSED);
    Event receivedEvent = recording.events().get(0);
    assertThat(receivedEvent.validationResult())
        .isEqualTo("Message received for TEST transformation");
    assertThat(receivedEvent.messageContent()).isEqualTo(GOOD);
    assertThat(receivedEvent.correlationId()).isEqualTo("corr-1");
    Event processed = recording.events().get(1);
    assertThat(processed.validationResult())
        .isEqualTo("TEST transformation applied for SENDING_APP: 252");
    assertThat(processed.messageContent()).isEqualTo(sent.getValue().body());
    assertThat(processed.errorDetails()).isNull();
    assertThat(processed.correlationId()).isEqualTo("corr-1");
  }

  @Test
  void noPropertiesAndNoCorrelationId() throws MessageBusException {
    HandlerOutcome outcome = handler(null).handle(received(GOOD, Map.of()));

    assertThat(outcome).isEqualTo(HandlerOutcome.completed());
    ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
    verify(egress).publish(sent.capture());
    assertThat(sent.getValue().properties()).isEmpty();
    assertThat(recording.events()).allSatisfy(e -> assertThat(e.correlationId()).isNull());
  }

  @Test
  void badDataIsDeadLetteredByDefaultWithOneFailedEvent() throws MessageBusException {
    HandlerOutcome outcome = handler(null).handle(received(BAD, PROPERTIES));

    assertThat(outcome)
        .isEqualTo(
            HandlerOutcome.deadLetter(
                "TEST transformation failed",
                "Failed to transform TEST message: MSH.7 (message date/time) is not a date"));
    verify(egress, never()).publish(any());
    assertThat(recording.events())
        .extracting(Event::eventType)
        .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_FAILED);
    Event failed = recording.ofType(EventType.MESSAGE_FAILED).get(0);
    assertThat(failed.validationResult()).isEqualTo("TEST transformation failed");
    assertThat(failed.errorDetails())
        .isEqualTo("Failed to transform TEST message: MSH.7 (message date/time) is not a date");
    assertThat(failed.messageContent()).isEqualTo(BAD);
    assertThat(failed.correlationId()).isEqualTo("corr-1");
  }

  @Test
  void explicitDeadLetterPolicy() throws MessageBusException {
    HandlerOutcome outcome = handler("dead-letter").handle(received(BAD, PROPERTIES));

    assertThat(outcome).isInstanceOf(HandlerOutcome.DeadLetter.class);
    verify(egress, never()).publish(any());
  }

  @Test
  void badDataIsRetriedWithTheRetryPolicy() throws MessageBusException {
    HandlerOutcome outcome = handler("retry").handle(received(BAD, PROPERTIES));

    assertThat(outcome)
        .isEqualTo(
            HandlerOutcome.retry(
                "Failed to transform TEST message: MSH.7 (message date/time) is not a date"));
    verify(egress, never()).publish(any());
    assertThat(recording.ofType(EventType.MESSAGE_FAILED)).hasSize(1);
    assertThat(recording.ofType(EventType.MESSAGE_PROCESSED)).isEmpty();
  }

  @Test
  void notHl7IsAnUnexpectedProcessingError() throws MessageBusException {
    HandlerOutcome outcome = handler(null).handle(received("not a message", PROPERTIES));

    assertThat(outcome).isInstanceOf(HandlerOutcome.DeadLetter.class);
    HandlerOutcome.DeadLetter deadLetter = (HandlerOutcome.DeadLetter) outcome;
    assertThat(deadLetter.reason()).isEqualTo("Unexpected processing error");
    assertThat(deadLetter.description()).startsWith("Unexpected error during message processing: ");
    verify(egress, never()).publish(any());
    List<Event> failed = recording.ofType(EventType.MESSAGE_FAILED);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).validationResult()).isEqualTo("Unexpected processing error");
  }

  @Test
  void publishFailureIsRetriedAndNothingIsCompleted() throws MessageBusException {
    doThrow(new MessageBusException("broker unavailable")).when(egress).publish(any());
    ReceivedMessage message = received(GOOD, PROPERTIES);

    HandlerOutcome outcome = handler(null).handle(message);

    assertThat(outcome).isInstanceOf(HandlerOutcome.Retry.class);
    assertThat(((HandlerOutcome.Retry) outcome).reason())
        .startsWith("Unexpected error during message processing: ")
        .contains("broker unavailable");
    verify(message, never()).complete();
    verify(message, never()).deadLetter(any(), any());
    assertThat(recording.ofType(EventType.MESSAGE_PROCESSED)).isEmpty();
    List<Event> failed = recording.ofType(EventType.MESSAGE_FAILED);
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).validationResult()).isEqualTo("Unexpected processing error");
    assertThat(failed.get(0).errorDetails())
        .startsWith("Unexpected error during message processing: ");
  }
}
