package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpServerPersistentConnectionTest {

  private static final Duration READ = Duration.ofSeconds(5);

  private final RecordingHandler handler = new RecordingHandler();
  private MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void repliesToEveryMessageOnOneConnectionInOrder() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      for (int i = 0; i < 50; i++) {
        client.sendFrame("MSH|" + i);
        assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|" + i);
      }
      assertThat(server.activeConnections()).isEqualTo(1);
    }
    assertThat(handler.requests).extracting(r -> r.connection().id()).containsOnly(firstId());
  }

  @Test
  void pipelinedFramesInOneWriteGetSeparateRepliesInOrder() throws Exception {
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (int i = 1; i <= 5; i++) {
      frames.writeBytes(RawMllpClient.frame("MSH|" + i));
    }
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(frames.toByteArray());

      for (int i = 1; i <= 5; i++) {
        assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|" + i);
      }
    }
    assertThat(handler.texts()).containsExactly("MSH|1", "MSH|2", "MSH|3", "MSH|4", "MSH|5");
  }

  @Test
  void lateAsyncCompletionKeepsOrderAndOneMessageInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    handler.respondWith(
        request -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          // The first message is the slowest: a server without ordering would answer it last.
          long delayMillis = RecordingHandler.text(request).endsWith("1") ? 300 : 10;
          Executor later = CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS);
          return CompletableFuture.supplyAsync(
              () -> {
                inFlight.decrementAndGet();
                return MllpResponse.reply(RecordingHandler.ack(request));
              },
              later);
        });
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(
          concat(
              RawMllpClient.frame("MSH|1"),
              RawMllpClient.frame("MSH|2"),
              RawMllpClient.frame("MSH|3")));

      List<String> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        replies.add(client.readFrame(READ));
      }
      assertThat(replies).containsExactly("ACK|MSH|1", "ACK|MSH|2", "ACK|MSH|3");
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void clientThatHalfClosesAfterItsFrameStillGetsTheReply() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");
      client.shutdownOutput();

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|1");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void describesTheConnectionAndRequest() throws Exception {
    Instant before = Instant.now();
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");
      assertThat(client.readFrame(READ)).isNotNull();

      MllpRequest request = handler.requests.getFirst();
      assertThat(request.connection().id()).isNotBlank();
      assertThat(request.connection().tls()).isFalse();
      assertThat(request.connection().peerPrincipal()).isEmpty();
      assertThat(request.connection().remoteAddress().getAddress())
          .isEqualTo(InetAddress.getLoopbackAddress());
      assertThat(request.connection().remoteAddress().getPort())
          .isEqualTo(client.socket().getLocalPort());
      assertThat(request.receivedAt()).isBetween(before, Instant.now());
      assertThat(request.charset()).isEqualTo(UTF_8);
      assertThat(request.toString()).doesNotContain("MSH").contains("5 bytes");
    }
  }

  @Test
  void resolvesCharsetFromMsh18AndEncodesTheReplyWithIt() throws Exception {
    String message =
        "MSH|^~\\&|APP|FAC|HUB|HUB|20250101||ADT^A01|1|P|2.5|||||GBR|8859/1\rPID|||Zoë";
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(frameBytes(message.getBytes(ISO_8859_1)));

      byte[] reply = client.readFrameBytes(READ);
      assertThat(reply).isEqualTo(("ACK|" + message).getBytes(ISO_8859_1));
    }
    assertThat(handler.requests.getFirst().charset()).isEqualTo(ISO_8859_1);
  }

  @Test
  void configuredCharsetOverridesMsh18() throws Exception {
    server.stop();
    server = RecordingHandler.start(MllpServerConfig.builder().charset(US_ASCII).build(), handler);
    String message = "MSH|^~\\&|APP|FAC|HUB|HUB|20250101||ADT^A01|1|P|2.5|||||GBR|8859/1";
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame(message);
      assertThat(client.readFrame(READ)).isEqualTo("ACK|" + message);
    }
    assertThat(handler.requests.getFirst().charset()).isEqualTo(US_ASCII);
  }

  @Test
  void worksWithTheMllpClient() throws Exception {
    try (MllpClient client =
        new MllpClient(MllpClientConfig.builder("127.0.0.1", server.port()).build())) {
      for (int i = 0; i < 20; i++) {
        assertThat(client.send("MSH|é" + i, READ)).isEqualTo("ACK|MSH|é" + i);
      }
    }
    assertThat(handler.requests).extracting(r -> r.connection().id()).containsOnly(firstId());
  }

  private String firstId() {
    return handler.requests.getFirst().connection().id();
  }

  private static byte[] frameBytes(byte[] payload) {
    return concat(new byte[] {0x0B}, payload, new byte[] {0x1C, 0x0D});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
