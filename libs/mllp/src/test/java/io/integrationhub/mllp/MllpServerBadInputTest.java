package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.EOFException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpServerBadInputTest {

  private static final Duration READ = Duration.ofSeconds(5);

  private final RecordingHandler handler = new RecordingHandler();
  private final MllpServer server =
      RecordingHandler.start(MllpServerConfig.builder().build(), handler);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void bytesBeforeTheStartBlockAreIgnored() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send("\r\nGET / HTTP/1.1\r\n".getBytes(US_ASCII));
      client.sendFrame("MSH|1");

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|1");
    }
  }

  @Test
  void garbageOnOneConnectionDoesNotAffectAnother() throws Exception {
    try (RawMllpClient good = RawMllpClient.connect(server.port());
        RawMllpClient bad = RawMllpClient.connect(server.port())) {
      for (int i = 0; i < 20; i++) {
        bad.send(("garbage " + i + " \u0000\u00ff").getBytes(US_ASCII));
        good.sendFrame("MSH|" + i);
        assertThat(good.readFrame(READ)).isEqualTo("ACK|MSH|" + i);
      }
    }
    assertThat(handler.texts()).hasSize(20);
  }

  @Test
  void halfFrameThenCloseDeliversNothing() throws Exception {
    try (RawMllpClient half = RawMllpClient.connect(server.port())) {
      half.send("\u000bMSH|partial".getBytes(US_ASCII));
    }
    assertThat(Poll.until(() -> handler.closedConnections.size() == 1, READ)).isTrue();

    try (RawMllpClient good = RawMllpClient.connect(server.port())) {
      good.sendFrame("MSH|after");
      assertThat(good.readFrame(READ)).isEqualTo("ACK|MSH|after");
    }
    assertThat(handler.texts()).containsExactly("MSH|after");
  }

  @Test
  void halfFrameOnAnOpenConnectionDoesNotBlockAnother() throws Exception {
    try (RawMllpClient half = RawMllpClient.connect(server.port());
        RawMllpClient good = RawMllpClient.connect(server.port())) {
      half.send("\u000bMSH|never finished".getBytes(US_ASCII));

      good.sendFrame("MSH|2");
      assertThat(good.readFrame(READ)).isEqualTo("ACK|MSH|2");
    }
  }

  @Test
  void emptyFrameIsDeliveredToTheHandler() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(new byte[] {0x0B, 0x1C, 0x0D});

      assertThat(client.readFrame(READ)).isEqualTo("ACK|");
    }
    assertThat(handler.requests).singleElement().satisfies(r -> assertThat(r.payload()).isEmpty());
  }

  @Test
  void invalidBytesReachTheHandlerUnchangedAndFailStrictDecoding() throws Exception {
    handler.respondWith(
        request -> {
          try {
            request.text();
            return CompletableFuture.completedFuture(MllpResponse.reply("AA"));
          } catch (MllpDecodingException e) {
            return CompletableFuture.completedFuture(MllpResponse.reply("AE offset " + e.offset()));
          }
        });
    byte[] frame = {0x0B, 'M', 'S', 'H', '|', (byte) 0xC3, (byte) 0x28, 0x1C, 0x0D};
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(frame);

      assertThat(client.readFrame(READ)).isEqualTo("AE offset 4");
      client.sendFrame("MSH|fine");
      assertThat(client.readFrame(READ)).isEqualTo("AA");
    }
    assertThat(handler.requests.getFirst().payload())
        .containsExactly('M', 'S', 'H', '|', 0xC3, 0x28);
  }

  @Test
  void handlerExceptionClosesOnlyThatConnection() throws Exception {
    handler.respondWith(
        request -> {
          if (RecordingHandler.text(request).contains("BOOM")) {
            throw new IllegalStateException("handler bug");
          }
          return CompletableFuture.completedFuture(
              MllpResponse.reply(RecordingHandler.ack(request)));
        });
    try (RawMllpClient victim = RawMllpClient.connect(server.port());
        RawMllpClient bystander = RawMllpClient.connect(server.port())) {
      bystander.sendFrame("MSH|before");
      assertThat(bystander.readFrame(READ)).isEqualTo("ACK|MSH|before");

      victim.sendFrame("MSH|BOOM");
      assertThatThrownBy(() -> victim.readFrame(READ)).isInstanceOf(EOFException.class);

      bystander.sendFrame("MSH|after");
      assertThat(bystander.readFrame(READ)).isEqualTo("ACK|MSH|after");
    }
  }

  @Test
  void failedStageClosesTheConnectionWithoutReply() throws Exception {
    handler.respondWith(
        request -> CompletableFuture.failedFuture(new IllegalStateException("bus down")));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void nullStageOrNullResponseClosesTheConnection() throws Exception {
    handler.respondWith(request -> null);
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    handler.respondWith(request -> CompletableFuture.completedFuture(null));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|2");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void framesQueuedBehindAFailedMessageAreNotAnswered() throws Exception {
    handler.respondWith(
        request ->
            RecordingHandler.text(request).equals("MSH|1")
                ? CompletableFuture.failedFuture(new IllegalStateException("rejected"))
                : CompletableFuture.completedFuture(MllpResponse.reply("unexpected")));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(concat(RawMllpClient.frame("MSH|1"), RawMllpClient.frame("MSH|2")));

      assertThatThrownBy(() -> client.readFrame(READ)).isInstanceOf(EOFException.class);
    }
    assertThat(handler.texts()).containsExactly("MSH|1");
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
