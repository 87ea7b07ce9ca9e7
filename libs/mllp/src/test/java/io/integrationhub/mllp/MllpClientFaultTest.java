package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpClientFaultTest {

  private static final Duration REPLY = Duration.ofSeconds(5);
  private static final Duration SHORT = Duration.ofMillis(300);

  private final FaultyMllpPeer peer =
      FaultyMllpPeer.start(message -> PeerBehaviour.reply("ACK:" + message));
  private MllpClient client = newClient(MllpClientConfig.builder(peer.host(), peer.port()));

  @AfterEach
  void close() {
    client.close();
    peer.close();
  }

  @Test
  void returnsTheReply() throws Exception {
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");

    assertThat(peer.receivedMessages()).containsExactly("MSH|1", "MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void disconnectMakesTheNextSendUseANewConnection() throws Exception {
    client.send("MSH|1", REPLY);
    client.disconnect();

    assertThat(client.isConnected()).isFalse();
    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void assemblesAReplySplitIntoChunks() throws Exception {
    peer.behaviour(message -> PeerBehaviour.replySplit("ACK:" + message, 5, Duration.ofMillis(30)));

    assertThat(client.send("MSH|split", REPLY)).isEqualTo("ACK:MSH|split");
    assertThat(client.send("MSH|again", REPLY)).isEqualTo("ACK:MSH|again");
  }

  @Test
  void readsRepliesLongerThan4096Bytes() throws Exception {
    String longAck = "MSA|AA|" + "x".repeat(20_000);
    peer.behaviour(message -> PeerBehaviour.replySplit(longAck, 3, Duration.ofMillis(20)));

    assertThat(client.send("MSH|1", REPLY)).isEqualTo(longAck);
    assertThat(client.send("MSH|2", REPLY)).isEqualTo(longAck);
    assertThat(peer.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void waitsForADelayedReplyWithinTheTimeout() throws Exception {
    peer.behaviour(message -> PeerBehaviour.delayThenReply(SHORT, "ACK:late"));

    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:late");
  }

  @Test
  void acceptsAReplyWithoutTrailingCarriageReturn() throws Exception {
    peer.behaviour(message -> PeerBehaviour.replyWithoutTrailingCr("ACK:" + message));

    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
  }

  @Test
  void noReplyTimesOutAndTheNextSendUsesANewConnection() throws Exception {
    peer.behaviour(message -> PeerBehaviour.neverReply());

    assertThatThrownBy(() -> client.send("MSH|1", SHORT))
        .isInstanceOfSatisfying(
            MllpReplyTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(SHORT));
    assertThat(client.isConnected()).isFalse();

    peer.behaviour(message -> PeerBehaviour.reply("ACK:" + message));
    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void replyWithoutStartBlockIsNotAReply() {
    peer.behaviour(message -> PeerBehaviour.replyWithoutStartBlock("ACK:" + message));

    assertThatThrownBy(() -> client.send("MSH|1", SHORT))
        .isInstanceOf(MllpReplyTimeoutException.class);
  }

  @Test
  void replyWithoutEndBlockIsNotAReply() {
    peer.behaviour(message -> PeerBehaviour.replyWithoutEndBlock("ACK:" + message));

    assertThatThrownBy(() -> client.send("MSH|1", SHORT))
        .isInstanceOf(MllpReplyTimeoutException.class);
  }

  @Test
  void peerClosingBeforeTheReplyIsReported() throws Exception {
    peer.behaviour(message -> PeerBehaviour.closeBeforeReply());

    assertThatThrownBy(() -> client.send("MSH|1", REPLY))
        .isInstanceOf(MllpConnectionClosedException.class)
        .hasMessageContaining("closed");

    peer.behaviour(message -> PeerBehaviour.reply("ACK:" + message));
    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
  }

  @Test
  void partialReplyThenCloseIsReportedAsClosed() throws Exception {
    peer.behaviour(message -> PeerBehaviour.replyWithoutEndBlock("ACK:" + message));
    Thread closer =
        Thread.ofVirtual()
            .start(
                () -> {
                  Poll.until(() -> peer.receivedMessages().size() == 1, REPLY);
                  peer.dropConnections();
                });
    try {
      assertThatThrownBy(() -> client.send("MSH|1", REPLY))
          .isInstanceOf(MllpConnectionClosedException.class);
    } finally {
      closer.join();
    }
  }

  @Test
  void reconnectsTransparentlyWhenThePeerClosedTheIdleConnection() throws Exception {
    peer.behaviour(message -> PeerBehaviour.closeAfterReply("ACK:" + message));
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    assertThat(Poll.until(() -> !client.isConnected(), REPLY)).isTrue();

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void reconnectsWhenThePeerDroppedTheConnectionBetweenSends() throws Exception {
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    peer.dropConnections();
    assertThat(Poll.until(() -> !client.isConnected(), REPLY)).isTrue();

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void staleFramePendingBeforeASendIsNeverTakenAsTheReply() throws Exception {
    peer.behaviour(
        message ->
            message.equals("MSH|1")
                ? PeerBehaviour.replyThenSend("ACK:MSH|1", RawMllpClient.frame("ACK:STALE"))
                : PeerBehaviour.reply("ACK:" + message));
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    Thread.sleep(200); // let the client read the stale bytes

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void staleUnframedBytesPendingBeforeASendCauseAReconnect() throws Exception {
    peer.behaviour(
        message ->
            message.equals("MSH|1")
                ? PeerBehaviour.replyThenSend("ACK:MSH|1", "junk".getBytes(US_ASCII))
                : PeerBehaviour.reply("ACK:" + message));
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    Thread.sleep(200); // let the client read the stale bytes

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void staleHalfFramePendingBeforeASendCausesAReconnect() throws Exception {
    peer.behaviour(
        message ->
            message.equals("MSH|1")
                ? PeerBehaviour.replyThenSend("ACK:MSH|1", new byte[] {0x0B, 'A', 'C', 'K'})
                : PeerBehaviour.reply("ACK:" + message));
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    Thread.sleep(200); // let the client read the stale bytes

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void refusedConnectionIsAConnectException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    client.close();
    client = newClient(MllpClientConfig.builder("127.0.0.1", closedPort));

    assertThatThrownBy(() -> client.send("MSH|1", REPLY))
        .isInstanceOf(MllpConnectException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
    assertThatThrownBy(client::connect).isInstanceOf(MllpConnectException.class);
  }

  @Test
  void connectIsBoundedByTheConnectTimeout() throws Exception {
    // A listener that never accepts, with a full backlog, leaves further SYNs unanswered.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(full.getLocalSocketAddress(), 200);
          } catch (java.io.IOException e) {
            break; // backlog already full
          }
          fillers.add(filler);
        }
        client.close();
        client =
            newClient(
                MllpClientConfig.builder("127.0.0.1", full.getLocalPort())
                    .connectTimeout(Duration.ofMillis(300)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send("MSH|1", REPLY))
            .isInstanceOf(MllpConnectException.class)
            .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REPLY);
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  @Test
  void replyOverTheSizeLimitIsRejected() throws Exception {
    client.close();
    client = newClient(MllpClientConfig.builder(peer.host(), peer.port()).maxFrameBytes(100));
    peer.behaviour(
        message ->
            message.equals("MSH|big")
                ? PeerBehaviour.reply("x".repeat(500))
                : PeerBehaviour.reply("ACK:" + message));

    assertThatThrownBy(() -> client.send("MSH|big", REPLY))
        .isInstanceOfSatisfying(
            MllpFrameTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(100));

    assertThat(client.send("MSH|small", REPLY)).isEqualTo("ACK:MSH|small");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void replyWithInvalidBytesIsADecodingError() throws Exception {
    peer.behaviour(
        message ->
            message.equals("MSH|1")
                ? PeerBehaviour.replyGarbage(
                    new byte[] {0x0B, 'M', 'S', 'A', (byte) 0xFF, 0x1C, 0x0D})
                : PeerBehaviour.reply("ACK:" + message));

    assertThatThrownBy(() -> client.send("MSH|1", REPLY))
        .isInstanceOfSatisfying(
            MllpDecodingException.class, e -> assertThat(e.offset()).isEqualTo(3));

    assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK:MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void messageThatCannotBeEncodedIsNotSent() {
    client.close();
    client = newClient(MllpClientConfig.builder(peer.host(), peer.port()).charset(US_ASCII));

    assertThatThrownBy(() -> client.send("PID|||Zoë", REPLY))
        .isInstanceOf(MllpEncodingException.class);
    assertThat(peer.connectionsAccepted()).isZero();
  }

  @Test
  void connectOpensTheConnectionEagerly() throws Exception {
    assertThat(client.isConnected()).isFalse();

    client.connect();
    client.connect();

    assertThat(client.isConnected()).isTrue();
    assertThat(Poll.until(() -> peer.connectionsAccepted() == 1, REPLY)).isTrue();
    assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
    assertThat(peer.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void closedClientRefusesToSend() {
    client.close();
    client.close();

    assertThatThrownBy(() -> client.send("MSH|1", REPLY)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.send("MSH|1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentSendsAreSerialisedAndEachGetsItsOwnReply() throws Exception {
    peer.behaviour(message -> PeerBehaviour.delayThenReply(Duration.ofMillis(5), "ACK:" + message));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String message = "MSH|" + i;
        Callable<String> send = () -> client.send(message, REPLY);
        replies.add(callers.submit(send));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("ACK:MSH|" + i);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(peer.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void sharedEventLoopGroupIsNotShutDownByTheClient() throws Exception {
    NioEventLoopGroup shared = new NioEventLoopGroup(1);
    try {
      MllpClient sharing =
          new MllpClient(
              MllpClientConfig.builder(peer.host(), peer.port()).eventLoopGroup(shared).build());
      assertThat(sharing.send("MSH|1", REPLY)).isEqualTo("ACK:MSH|1");
      sharing.close();

      assertThat(shared.isShuttingDown()).isFalse();
    } finally {
      shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
    }
  }

  private static MllpClient newClient(MllpClientConfig.Builder builder) {
    return new MllpClient(builder.build());
  }
}
