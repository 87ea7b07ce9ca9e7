package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Patient data must never reach the logs. The build runs this module's loggers at DEBUG (see the
 * surefire configuration), so every log statement on these paths is exercised.
 */
class MllpLoggingTest {

  private static final String SECRET = "SECRET-PATIENT-Zoë";
  private static final Duration READ = Duration.ofSeconds(5);

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStandardError() {
    originalErr = System.err;
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(originalErr);
  }

  @Test
  void serverLogsNoPayloadText() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    handler.respondWith(
        request ->
            switch (RecordingHandler.text(request)) {
              case String text when text.contains("fail") ->
                  CompletableFuture.failedFuture(new IllegalStateException("rejected"));
              case String text when text.contains("unencodable") ->
                  CompletableFuture.completedFuture(MllpResponse.reply("ACK|" + SECRET + "\u20ac"));
              default -> CompletableFuture.completedFuture(MllpResponse.reply("ACK|" + SECRET));
            });
    try (MllpServer server =
        RecordingHandler.start(
            MllpServerConfig.builder()
                .maxFrameBytes(200)
                .charset(java.nio.charset.StandardCharsets.ISO_8859_1)
                .build(),
            handler)) {
      try (RawMllpClient client = RawMllpClient.connect(server.port())) {
        client.send(("garbage " + SECRET).getBytes(UTF_8));
        client.sendFrame("MSH|" + SECRET);
        assertThat(client.readFrame(READ)).isNotNull();
        client.sendFrame("MSH|fail|" + SECRET);
        assertThat(client.awaitClosedByPeer(READ)).isTrue();
      }
      try (RawMllpClient client = RawMllpClient.connect(server.port())) {
        client.sendFrame("MSH|unencodable|" + SECRET);
        assertThat(client.awaitClosedByPeer(READ)).isTrue();
      }
      try (RawMllpClient client = RawMllpClient.connect(server.port())) {
        client.sendFrame(("MSH|" + SECRET).repeat(20));
        assertThat(client.awaitClosedByPeer(READ)).isTrue();
      }
      try (RawMllpClient client = RawMllpClient.connect(server.port())) {
        client.send(("\u000bMSH|" + SECRET).getBytes(UTF_8));
      }
      assertThat(Poll.until(() -> handler.closedConnections.size() == 4, READ)).isTrue();
    }

    String logs = captured.toString(UTF_8);
    assertThat(logs).contains("frame exceeds 200 bytes").contains("message handler failed");
    assertThat(logs).doesNotContain("SECRET");
  }

  @Test
  void clientLogsNoPayloadText() throws Exception {
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(
                message ->
                    PeerBehaviour.replyThenSend(
                        "ACK|" + SECRET, ("stale " + SECRET).getBytes(UTF_8)));
        MllpClient client =
            new MllpClient(MllpClientConfig.builder(peer.host(), peer.port()).build())) {
      assertThat(client.send("MSH|" + SECRET, READ)).contains(SECRET);
      Thread.sleep(200); // let the client read the stale bytes
      assertThat(client.send("MSH|" + SECRET, READ)).contains(SECRET);
      peer.behaviour(message -> PeerBehaviour.neverReply());
      assertThatThrownBy(() -> client.send("MSH|" + SECRET, Duration.ofMillis(200)))
          .isInstanceOf(MllpReplyTimeoutException.class)
          .hasMessageNotContaining("SECRET");
    }

    String logs = captured.toString(UTF_8);
    assertThat(logs).contains("Replacing the MLLP connection");
    assertThat(logs).doesNotContain("SECRET");
  }

  /** Copies everything written to both streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length)
        throws java.io.IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      first.flush();
      second.flush();
    }
  }
}
