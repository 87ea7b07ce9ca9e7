package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stopping the sender (spec hl7-sender.md §13): bounded in time, a message waiting for the throttle
 * or for its ACK stays on the bus (nothing lost), the TCP probe is closed.
 */
class SenderShutdownTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private static String ack(String message) {
    String controlId = message.split("\r")[0].split("\\|", -1)[9];
    return "MSH|^~\\&|100|100|252|252|20250101||ACK|A" + controlId + "|P|2.5\rMSA|AA|" + controlId;
  }

  private static long timeStop(SenderHarness sender) {
    long started = System.nanoTime();
    sender.stopSender();
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  @Test
  void aMessageWaitingForTheThrottleIsNotSentAndStaysOnTheBus() {
    List<String> messages = SenderTestMessages.numbered("SHUT", 2);
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(m -> PeerBehaviour.reply(ack(m)));
        SenderHarness sender =
            SenderHarness.start(
                Map.of(
                    "RECEIVER_MLLP_HOST", mpi.host(),
                    "RECEIVER_MLLP_PORT", String.valueOf(mpi.port()),
                    "MAX_MESSAGES_PER_MINUTE", "1"))) {
      sender.publish(messages, Map.of("CorrelationId", "corr-shutdown"));

      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, WAIT))
          .isTrue();
      // The second message is in the handler, waiting up to a minute for its throttle slot.
      assertThat(Poll.until(() -> sender.events(EventType.MESSAGE_RECEIVED).size() == 2, WAIT))
          .isTrue();
      Poll.until(() -> false, Duration.ofMillis(300));
      assertThat(mpi.receivedMessages()).containsExactly(messages.get(0));

      long stopMillis = timeStop(sender);

      System.out.println("Stop while waiting for the throttle took " + stopMillis + " ms");
      assertThat(stopMillis).isLessThan(3_000);
      assertThat(sender.service().isProcessing()).isFalse();
      assertThat(mpi.receivedMessages()).containsExactly(messages.get(0));
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      List<ReceivedMessage> left = sender.drainIngress();
      assertThat(left).extracting(ReceivedMessage::body).containsExactly(messages.get(1));
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void aSendWaitingForItsAckIsCutOffByTheStopTimeoutAndTheMessageStays() {
    String message = SenderTestMessages.adtA31("SHUT0100");
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(m -> PeerBehaviour.neverReply());
        SenderHarness sender =
            SenderHarness.start(
                "mpi-hl7-sender.env",
                Map.of(
                    "RECEIVER_MLLP_HOST", mpi.host(),
                    "RECEIVER_MLLP_PORT", String.valueOf(mpi.port()),
                    "ACK_TIMEOUT_SECONDS", "30"),
                tuning -> tuning.stopTimeout(Duration.ofSeconds(1)))) {
      sender.publish(message);

      assertThat(Poll.until(() -> mpi.receivedMessages().size() == 1, WAIT)).isTrue();

      long stopMillis = timeStop(sender);

      System.out.println("Stop during a 30 s ACK wait took " + stopMillis + " ms");
      assertThat(stopMillis).isLessThan(10_000);
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(sender.counter("messages_sent")).isZero();
      List<ReceivedMessage> left = sender.drainIngress();
      assertThat(left).extracting(ReceivedMessage::body).containsExactly(message);
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void theTcpHealthProbeIsClosedAfterTheStop() throws IOException {
    try (FaultyMllpPeer mpi = FaultyMllpPeer.start(m -> PeerBehaviour.reply(ack(m)));
        SenderHarness sender =
            SenderHarness.start(
                Map.of(
                    "RECEIVER_MLLP_HOST", mpi.host(),
                    "RECEIVER_MLLP_PORT", String.valueOf(mpi.port())))) {
      int port = sender.service().healthCheckPort();
      assertThat(port).isPositive();
      try (Socket probe = connect(port)) {
        assertThat(probe.isConnected()).isTrue();
      }

      sender.stopSender();

      assertThat(sender.service().isRunning()).isFalse();
      assertThatThrownBy(() -> connect(port).close()).isInstanceOf(ConnectException.class);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }
}
