package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.Source;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The subscription sender (spec hl7-sender.md §12) from {@code local/mpi-hl7-chemo-sender.env}:
 * topic {@code mpihl7input}, subscription {@code mpihl7input-test-subscription}, session {@code
 * mpi-outbound}; same delivery, no message store.
 */
class SubscriptionModeTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void deliversATopicMessageCompletesItAndStoresNothing() {
    String message = SenderTestMessages.adtA31("SUB00001");
    try (FaultyMllpPeer mpi =
            FaultyMllpPeer.start(
                m -> {
                  String controlId = m.split("\r")[0].split("\\|", -1)[9];
                  return PeerBehaviour.reply(
                      "MSH|^~\\&|100|100|252|252|20250101||ACK|A1|P|2.5\rMSA|AA|" + controlId);
                });
        SenderHarness sender =
            SenderHarness.start(
                "mpi-hl7-chemo-sender.env",
                Map.of(
                    "RECEIVER_MLLP_HOST", mpi.host(),
                    "RECEIVER_MLLP_PORT", String.valueOf(mpi.port())),
                UnaryOperator.identity())) {
      assertThat(sender.settings().source())
          .isEqualTo(Source.subscription("mpihl7input", "mpihl7input-test-subscription"));
      assertThat(sender.settings().sessionId()).contains("mpi-outbound");
      assertThat(sender.settings().messageStoreQueue()).isEmpty();

      // The harness publishes to the topic mpihl7input with session mpi-outbound.
      sender.publish(
          List.of(message),
          Map.of(
              "CorrelationId", "corr-sub-1",
              "MessageReceivedAt", "2025-05-05T23:23:36Z",
              "SourceSystem", "100"));

      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
          .isTrue();
      assertThat(mpi.receivedMessages()).containsExactly(message);
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.events(EventType.MESSAGE_FAILED)).isEmpty();
      assertThat(sender.events(EventType.VALIDATION_FAILED)).isEmpty();
      // Completed: nothing left on the subscription, nothing dead-lettered.
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
      // No message-store record.
      assertThat(sender.drainStore()).isEmpty();
    }
  }
}
