package io.integrationhub.transform.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.artemis.DeadLetteredMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.transform.FlowTransformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transformer service end to end through the embedded broker: {@value #VALID} valid messages on
 * the ingress session, one bad message in the middle. Subclasses name the flow and supply messages.
 */
public abstract class AbstractTransformerServiceTest {

  /** How many valid messages go through. */
  protected static final int VALID = 1000;

  /** The position of the bad message among all published. */
  protected static final int BAD_AT = VALID / 2;

  /** The transformer under test. */
  protected abstract FlowTransformer transformer();

  /** The env file's flow: {@code phw}, {@code chemo}, {@code pims}. */
  protected abstract String flow();

  /** A valid message whose MSH-10 is {@code controlId}. */
  protected abstract String validMessage(String controlId);

  /** A message the mappers reject. */
  protected abstract String badMessage();

  /** Text the rejection reason must contain: the field, e.g. {@code MSH.7}. */
  protected abstract String rejectedField();

  /** MSH-10 of the {@code n}th valid message. */
  protected static String controlId(int n) {
    return String.format("CTRL%06d", n);
  }

  private static String msh10(String message) {
    String msh = message.split("\r", -1)[0];
    String[] fields = msh.split("\\|", -1);
    return fields.length > 9 ? fields[9] : "";
  }

  @Test
  @Timeout(60)
  void validMessagesFlowInOrderAndTheBadOneIsDeadLettered() throws MessageBusException {
    try (TransformerHarness harness = TransformerHarness.start(transformer(), flow(), Map.of())) {
      String workflow = harness.settings().workflowId();
      List<String> bodies = new ArrayList<>();
      List<Map<String, String>> properties = new ArrayList<>();
      for (int i = 0, valid = 0; i <= VALID; i++) {
        bodies.add(i == BAD_AT ? badMessage() : validMessage(controlId(valid++)));
        properties.add(TransformerHarness.properties(workflow, i));
      }
      harness.publish(bodies, properties);

      List<ReceivedMessage> out = harness.drainEgress(VALID, Duration.ofSeconds(40));

      assertThat(out).hasSize(VALID);
      for (int n = 0; n < VALID; n++) {
        int published = n < BAD_AT ? n : n + 1;
        ReceivedMessage message = out.get(n);
        assertThat(msh10(message.body())).as("message %d", n).isEqualTo(controlId(n));
        assertThat(message.sessionId()).isEqualTo(harness.settings().egressSessionId());
        assertThat(message.properties())
            .as("properties of message %d", n)
            .containsAllEntriesOf(properties.get(published));
      }

      List<DeadLetteredMessage> dead = harness.deadLetters();
      assertThat(dead).hasSize(1);
      DeadLetteredMessage bad = dead.get(0);
      assertThat(bad.body()).isEqualTo(badMessage());
      assertThat(bad.reason()).isEqualTo(transformer().failedAuditText());
      assertThat(bad.description())
          .startsWith("Failed to transform " + transformer().name() + " message: ")
          .contains(rejectedField());
      assertThat(bad.properties()).containsEntry("CorrelationId", "corr-" + BAD_AT);

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (harness.events(EventType.MESSAGE_PROCESSED).size() < VALID
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      List<Event> failed = harness.events(EventType.MESSAGE_FAILED);
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).correlationId()).isEqualTo("corr-" + BAD_AT);
      assertThat(failed.get(0).validationResult()).isEqualTo(transformer().failedAuditText());
      assertThat(failed.get(0).errorDetails()).contains(rejectedField());
      assertThat(harness.events(EventType.MESSAGE_PROCESSED)).hasSize(VALID);
      assertThat(harness.events(EventType.MESSAGE_RECEIVED)).hasSize(VALID + 1);
      assertThat(harness.events())
          .allSatisfy(e -> assertThat(e.workflowId()).isEqualTo(workflow))
          .allSatisfy(
              e -> assertThat(e.microserviceId()).isEqualTo(harness.settings().microserviceId()));
    }
  }
}
