package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.EOFException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MllpServerLifecycleTest {

  private static final Duration READ = Duration.ofSeconds(5);

  private final RecordingHandler handler = new RecordingHandler();

  @Test
  void startBindsAnEphemeralPortAndStopReleasesIt() throws Exception {
    MllpServer server = new MllpServer(MllpServerConfig.builder().build(), handler);
    assertThat(server.isRunning()).isFalse();
    assertThat(server.activeConnections()).isZero();
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);

    server.start();
    int port = server.port();
    assertThat(port).isPositive();
    assertThat(server.isRunning()).isTrue();

    server.stop();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(() -> RawMllpClient.connect(port)).isInstanceOf(ConnectException.class);
    server.stop(); // idempotent
    assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  void startingTwiceFails() {
    try (MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler)) {
      assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("running");
    }
  }

  @Test
  void bindFailureIsReportedClearly() {
    try (MllpServer first = RecordingHandler.start(MllpServerConfig.builder().build(), handler)) {
      MllpServer second =
          new MllpServer(MllpServerConfig.builder().port(first.port()).build(), handler);

      assertThatThrownBy(second::start)
          .isInstanceOf(MllpServerStartException.class)
          .hasMessageContaining("127.0.0.1:" + first.port())
          .hasCauseInstanceOf(java.net.BindException.class);
      assertThat(second.isRunning()).isFalse();
    }
  }

  @Test
  void unreadableTlsMaterialIsReportedAtStart(@org.junit.jupiter.api.io.TempDir Path dir) {
    MllpTlsConfig tls =
        MllpTlsConfig.builder()
            .keyMaterial(
                MllpTlsConfig.KeyMaterial.keyStore(
                    dir.resolve("missing.p12"), "secret", MllpTlsConfig.KeyStoreType.PKCS12))
            .build();
    MllpServer server = new MllpServer(MllpServerConfig.builder().tls(tls).build(), handler);

    assertThatThrownBy(server::start)
        .isInstanceOf(MllpServerStartException.class)
        .hasMessageContaining("TLS material")
        .hasMessageContaining("missing.p12");
  }

  @Test
  void gracefulStopLetsTheMessageInFlightFinishAndItsReplyBeWritten() throws Exception {
    CountDownLatch handling = new CountDownLatch(1);
    handler.respondWith(
        request -> {
          handling.countDown();
          return CompletableFuture.supplyAsync(
              () -> MllpResponse.reply(RecordingHandler.ack(request)),
              CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
        });
    MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler);
    try (RawMllpClient client = RawMllpClient.connect(server.port());
        RawMllpClient idle = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|in flight");
      assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

      server.stop();

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|in flight");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
      assertThat(idle.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void stopClosesConnectionsStillBusyAfterTheGracePeriod() throws Exception {
    CountDownLatch handling = new CountDownLatch(1);
    handler.respondWith(
        request -> {
          handling.countDown();
          return new CompletableFuture<>(); // never completes
        });
    MllpServer server =
        RecordingHandler.start(
            MllpServerConfig.builder().shutdownGracePeriod(Duration.ofMillis(200)).build(),
            handler);
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|stuck");
      assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

      server.stop();

      assertThatThrownBy(() -> client.readFrame(READ)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void framesQueuedBehindTheMessageInFlightAreNotProcessedDuringStop() throws Exception {
    CountDownLatch handling = new CountDownLatch(1);
    handler.respondWith(
        request -> {
          handling.countDown();
          return CompletableFuture.supplyAsync(
              () -> MllpResponse.reply(RecordingHandler.ack(request)),
              CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        });
    MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler);
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      byte[] first = RawMllpClient.frame("MSH|1");
      byte[] second = RawMllpClient.frame("MSH|2");
      byte[] both = new byte[first.length + second.length];
      System.arraycopy(first, 0, both, 0, first.length);
      System.arraycopy(second, 0, both, first.length, second.length);
      client.send(both);
      assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

      server.stop();

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|1");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    assertThat(handler.texts()).containsExactly("MSH|1");
  }

  @Test
  void reportsClosedConnectionsToTheHandler() throws Exception {
    try (MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler)) {
      String id;
      try (RawMllpClient client = RawMllpClient.connect(server.port())) {
        client.sendFrame("MSH|1");
        assertThat(client.readFrame(READ)).isNotNull();
        id = handler.requests.getFirst().connection().id();
      }
      assertThat(Poll.until(() -> handler.closedConnections.size() == 1, READ)).isTrue();
      assertThat(handler.closedConnections.getFirst().id()).isEqualTo(id);
    }
  }

  @Test
  void failingCallbacksDoNotBreakTheServer() throws Exception {
    MllpMessageHandler throwing =
        new MllpMessageHandler() {
          @Override
          public java.util.concurrent.CompletionStage<MllpResponse> onMessage(MllpRequest request) {
            return CompletableFuture.completedFuture(MllpResponse.reply("AA"));
          }

          @Override
          public void onFrameTooLarge(
              MllpConnection connection, io.integrationhub.mllp.codec.MllpFrameTooLarge r) {
            throw new IllegalStateException("callback bug");
          }

          @Override
          public void onConnectionClosed(MllpConnection connection) {
            throw new IllegalStateException("callback bug");
          }
        };
    try (MllpServer server =
        RecordingHandler.start(MllpServerConfig.builder().maxFrameBytes(10).build(), throwing)) {
      try (RawMllpClient bad = RawMllpClient.connect(server.port())) {
        bad.sendFrame("MSH|far too long");
        assertThat(bad.awaitClosedByPeer(READ)).isTrue();
      }
      try (RawMllpClient good = RawMllpClient.connect(server.port())) {
        good.sendFrame("MSH|1");
        assertThat(good.readFrame(READ)).isEqualTo("AA");
      }
    }
  }
}
