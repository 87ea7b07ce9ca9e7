package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MllpServerResponseModesTest {

  private static final Duration READ = Duration.ofSeconds(5);
  private static final Duration ABSENCE = Duration.ofMillis(300);

  private final RecordingHandler handler = new RecordingHandler();
  private MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void replyAndCloseWritesTheReplyThenCloses() throws Exception {
    respond(MllpResponse.replyAndClose("ACK|bye"));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThat(client.readFrame(READ)).isEqualTo("ACK|bye");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  @Test
  void closeWithoutReplyClosesSilently() throws Exception {
    respond(MllpResponse.closeWithoutReply());
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThatThrownBy(() -> client.readFrame(READ)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void noReplyWritesNothingAndKeepsTheConnectionOpen() throws Exception {
    handler.respondWith(
        request ->
            CompletableFuture.completedFuture(
                RecordingHandler.text(request).equals("MSH|lost")
                    ? MllpResponse.noReply()
                    : MllpResponse.reply(RecordingHandler.ack(request))));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|lost");
      assertThatThrownBy(() -> client.readFrame(ABSENCE))
          .isInstanceOf(SocketTimeoutException.class);

      client.sendFrame("MSH|next");
      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|next");
    }
  }

  @Test
  void rawWritesChunksUnframedWithPauses() throws Exception {
    respond(
        MllpResponse.raw(
            List.of("\u000bMSH|A".getBytes(US_ASCII), "CK\u001c\r".getBytes(US_ASCII)),
            Duration.ofMillis(400)));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThat(client.readAvailable(READ)).isEqualTo("\u000bMSH|A".getBytes(US_ASCII));
      assertThat(client.readAvailable(READ)).isEqualTo("CK\u001c\r".getBytes(US_ASCII));
    }
  }

  @Test
  void rawMalformedBytesKeepTheConnectionOpenAndOrdered() throws Exception {
    handler.respondWith(
        request ->
            CompletableFuture.completedFuture(
                RecordingHandler.text(request).equals("MSH|1")
                    ? MllpResponse.raw(
                        List.of("no frame".getBytes(US_ASCII), new byte[] {0x1C}), Duration.ZERO)
                    : MllpResponse.reply(RecordingHandler.ack(request))));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");
      client.sendFrame("MSH|2");

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|2");
    }
  }

  @Test
  void rawWithNoChunksActsLikeNoReply() throws Exception {
    respond(MllpResponse.raw(List.of(), Duration.ZERO));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThatThrownBy(() -> client.readFrame(ABSENCE))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(handler.requests).hasSize(1);
    }
  }

  @Test
  void replyThatCannotBeEncodedIsNeverSentGarbled() throws Exception {
    server.stop();
    server = RecordingHandler.start(MllpServerConfig.builder().charset(US_ASCII).build(), handler);
    respond(MllpResponse.reply("ACK|Zoë"));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.sendFrame("MSH|1");

      assertThatThrownBy(() -> client.readFrame(READ)).isInstanceOf(EOFException.class);
    }
  }

  private void respond(MllpResponse response) {
    handler.respondWith(request -> CompletableFuture.completedFuture(response));
  }
}
