package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.testing.RawMllpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpServerIdleTimeoutTest {

  private static final Duration IDLE = Duration.ofMillis(300);
  private static final Duration READ = Duration.ofSeconds(5);

  private final RecordingHandler handler = new RecordingHandler();
  private final MllpServer server =
      RecordingHandler.start(MllpServerConfig.builder().readIdleTimeout(IDLE).build(), handler);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void idleConnectionIsClosedAfterTheTimeout() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      long start = System.nanoTime();

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(IDLE.dividedBy(2));
    }
  }

  @Test
  void connectionIdleAfterAReplyIsClosed() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");
      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|1");

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void connectionWaitingForASlowHandlerIsNotIdle() throws Exception {
    handler.respondWith(
        request ->
            CompletableFuture.supplyAsync(
                () -> MllpResponse.reply(RecordingHandler.ack(request)),
                CompletableFuture.delayedExecutor(IDLE.toMillis() * 3, TimeUnit.MILLISECONDS)));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|slow");
      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|slow");

      // The idle clock restarted with the reply: an immediate next message is still served.
      client.sendFrame("MSH|next");
      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|next");
    }
  }

  @Test
  void slowSenderIsNotIdle() throws Exception {
    byte[] frame = RawMllpClient.frame("MSH|dribbled");
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      for (byte b : frame) {
        client.send(new byte[] {b});
        Thread.sleep(IDLE.toMillis() / 4);
      }

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|dribbled");
    }
  }
}
