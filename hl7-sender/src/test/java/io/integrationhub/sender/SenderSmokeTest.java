package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.Poll;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderSmokeTest {

  @Test
  void deliversAMessageAndCompletesItOnAMatchingAa() {
    try (FaultyMllpPeer mpi =
            FaultyMllpPeer.start(
                message ->
                    io.integrationhub.mllp.testing.PeerBehaviour.reply(
                        "MSH|^~\\&|100|100|252|252|20250101||ACK|X|P|2.5\rMSA|AA|"
                            + message.split("\\|")[9]));
        SenderHarness sender =
            SenderHarness.start(
                Map.of("RECEIVER_MLLP_HOST", mpi.host(), "RECEIVER_MLLP_PORT", "" + mpi.port()))) {
      sender.publish(SenderTestMessages.adtA31("SMOKE1"));

      assertThat(
              Poll.until(
                  () -> sender.events(EventType.MESSAGE_SENT).size() == 1, Duration.ofSeconds(10)))
          .isTrue();

      assertThat(mpi.receivedMessages()).containsExactly(SenderTestMessages.adtA31("SMOKE1"));
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.drainStore()).hasSize(1);
    }
  }
}
