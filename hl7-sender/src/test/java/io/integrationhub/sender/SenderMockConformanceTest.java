package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.artemis.DeadLetteredMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.hl7.SharedConformance;
import io.integrationhub.hl7.ack.Ack;
import io.integrationhub.hl7.ack.AckParser;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mockreceiver.MockReceiverService;
import io.integrationhub.mockreceiver.MockReceiverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared mock-receiver vectors through the sender to the real mock with the reference rules
 * ({@code fail=AE}); skipped when {@code ../shared/conformance} is absent.
 */
class SenderMockConformanceTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private MockReceiverService startMock() {
    Map<String, String> env =
        Map.of(
            "PORT", "0", "HEALTH_CHECK_PORT", "0", "RECEIVED_MESSAGES_FILE", journal().toString());
    MockReceiverService mpi = MockReceiverService.withoutBus(MockReceiverSettings.from(env::get));
    mpi.start();
    return mpi;
  }

  private Path journal() {
    return dir.resolve("received.jsonl");
  }

  private List<JsonNode> journalEntries() throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    for (String line : Files.readAllLines(journal())) {
      entries.add(JSON.readTree(line));
    }
    return entries;
  }

  private static SenderHarness sender(MockReceiverService mpi, String policy) {
    return SenderHarness.start(
        Map.of(
            "RECEIVER_MLLP_HOST",
            "127.0.0.1",
            "RECEIVER_MLLP_PORT",
            Integer.toString(mpi.mllpPort()),
            "NEGATIVE_ACK_POLICY",
            policy));
  }

  /** The mock's reply to {@code message}, read directly (not through the sender). */
  private static Ack mockReply(MockReceiverService mpi, String message) throws Exception {
    try (MllpClient client =
        new MllpClient(MllpClientConfig.builder("127.0.0.1", mpi.mllpPort()).build())) {
      return AckParser.parse(client.send(message, Duration.ofSeconds(5)));
    }
  }

  @Test
  void anInboundAdtA31IsAcceptedAndCompleted() throws Exception {
    String message = SharedConformance.read("hl7-mock-receiver/inbound-adt-a31.hl7");
    String controlId = MessageHeader.parse(message).controlId();
    MockReceiverService mpi = startMock();
    try {
      try (SenderHarness sender = sender(mpi, "retry")) {
        sender.publish(List.of(message), Map.of("CorrelationId", "conf-aa"));

        assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
            .isTrue();

        assertThat(sender.events(EventType.MESSAGE_SENT).getFirst().validationResult())
            .isEqualTo("Message sent successfully, received ACK: AA");
        assertThat(sender.events(EventType.MESSAGE_FAILED)).isEmpty();
        assertThat(sender.counter("messages_sent")).isEqualTo(1);
        assertThat(sender.drainIngress()).isEmpty();
        assertThat(sender.deadLetters()).isEmpty();
      }

      List<JsonNode> entries = journalEntries();
      assertThat(entries).hasSize(1);
      assertThat(entries.getFirst().get("controlId").asText()).isEqualTo(controlId);
      assertThat(entries.getFirst().get("reply").asText()).isEqualTo("AA");
      assertThat(entries.getFirst().get("message").asText()).isEqualTo(message);

      Ack direct = mockReply(mpi, message);
      assertThat(direct.rawCode()).isEqualTo("AA");
      assertThat(direct.acknowledgedControlId()).isEqualTo(controlId);
    } finally {
      mpi.stop();
    }
  }

  @ParameterizedTest(name = "NEGATIVE_ACK_POLICY={0}")
  @ValueSource(strings = {"retry", "dead-letter"})
  void theFailTriggerIsAnsweredAeAndNotCompleted(String policy) throws Exception {
    String message = SharedConformance.read("hl7-mock-receiver/inbound-adt-a31-fail-trigger.hl7");
    String controlId = MessageHeader.parse(message).controlId();
    MockReceiverService mpi = startMock();
    try {
      try (SenderHarness sender = sender(mpi, policy)) {
        sender.publish(List.of(message), Map.of("CorrelationId", "conf-ae"));

        if (policy.equals("retry")) {
          assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_FAILED).size() >= 2, WAIT))
              .isTrue();
        } else {
          assertThat(Poll.until(() -> !sender.deadLetters().isEmpty(), WAIT)).isTrue();
        }

        List<Event> failures = sender.events(EventType.MESSAGE_FAILED);
        assertThat(failures)
            .isNotEmpty()
            .allSatisfy(
                e -> {
                  // "Negative", not "does not match": the mock's MSA-2 is the message's MSH-10.
                  assertThat(e.errorDetails())
                      .contains("Negative ACK received: AE")
                      .contains(controlId)
                      .doesNotContain("does not match");
                  assertThat(e.correlationId()).isEqualTo("conf-ae");
                });
        assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
        assertThat(sender.counter("messages_sent")).isZero();

        if (policy.equals("retry")) {
          List<ReceivedMessage> left = sender.drainIngress();
          assertThat(left).hasSize(1);
          assertThat(left.getFirst().body()).isEqualTo(message);
          assertThat(left.getFirst().deliveryCount()).isGreaterThan(1);
          assertThat(sender.deadLetters()).isEmpty();
        } else {
          List<DeadLetteredMessage> dead = sender.deadLetters();
          assertThat(dead).hasSize(1);
          assertThat(dead.getFirst().body()).isEqualTo(message);
          assertThat(dead.getFirst().reason()).contains("AE");
          assertThat(failures).hasSize(1);
          assertThat(sender.drainIngress()).isEmpty();
        }
      }

      List<JsonNode> entries = journalEntries();
      assertThat(entries).hasSizeGreaterThanOrEqualTo(policy.equals("retry") ? 2 : 1);
      if (policy.equals("dead-letter")) {
        assertThat(entries).hasSize(1);
      }
      assertThat(entries)
          .allSatisfy(
              entry -> {
                assertThat(entry.get("controlId").asText()).isEqualTo(controlId);
                assertThat(entry.get("reply").asText()).isEqualTo("AE");
                assertThat(entry.get("message").asText()).isEqualTo(message);
              });

      Ack direct = mockReply(mpi, message);
      assertThat(direct.rawCode()).isEqualTo("AE");
      assertThat(direct.acknowledgedControlId()).isEqualTo(controlId);
    } finally {
      mpi.stop();
    }
  }
}
