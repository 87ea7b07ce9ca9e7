package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reference's exact semantics: the limit counts SB, content, EB and CR. */
class MllpServerSizeLimitTest {

  private static final int LIMIT = 2000;
  private static final Duration READ = Duration.ofSeconds(5);

  private final RecordingHandler handler = new RecordingHandler();
  private final MllpServer server =
      RecordingHandler.start(MllpServerConfig.builder().maxFrameBytes(LIMIT).build(), handler);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void frameOfExactlyTheLimitIsProcessed() throws Exception {
    byte[] frame = RawMllpClient.frame("MSH|" + "x".repeat(LIMIT - 3 - 4));
    assertThat(frame).hasSize(LIMIT);
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(frame);

      assertThat(client.readFrame(READ)).startsWith("ACK|MSH|xxx");
    }
    assertThat(handler.rejections).isEmpty();
  }

  @Test
  void frameOfLimitPlusOneIsRejectedAndTheConnectionClosed() throws Exception {
    byte[] frame = RawMllpClient.frame("MSH|" + "x".repeat(LIMIT - 2 - 4));
    assertThat(frame).hasSize(LIMIT + 1);
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(frame);

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    assertThat(handler.requests).isEmpty();
    assertThat(handler.rejections)
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.limit()).isEqualTo(LIMIT);
              assertThat(rejection.bytesRead()).isBetween((long) LIMIT - 1, (long) LIMIT);
            });
  }

  @Test
  void oversizedFrameIsRejectedWhileItIsStillArriving() throws Exception {
    byte[] frame = RawMllpClient.frame("x".repeat(100_000));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      // Only the first LIMIT bytes, no end block: the server must not wait for the rest.
      client.send(Arrays.copyOf(frame, LIMIT));

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    assertThat(handler.rejections)
        .singleElement()
        .satisfies(rejection -> assertThat(rejection.bytesRead()).isLessThanOrEqualTo(LIMIT));
  }

  @Test
  void framesBeforeAnOversizedFrameAreAnsweredFirst() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(RawMllpClient.frame("MSH|1"));
    bytes.writeBytes(RawMllpClient.frame("x".repeat(LIMIT)));
    try (RawMllpClient client = RawMllpClient.connect(server.port())) {
      client.send(bytes.toByteArray());

      assertThat(client.readFrame(READ)).isEqualTo("ACK|MSH|1");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    assertThat(handler.rejections).hasSize(1);
  }

  @Test
  void oversizedFrameDoesNotAffectOtherConnections() throws Exception {
    try (RawMllpClient good = RawMllpClient.connect(server.port())) {
      for (int i = 0; i < 3; i++) {
        try (RawMllpClient bad = RawMllpClient.connect(server.port())) {
          bad.send(RawMllpClient.frame("y".repeat(10 * LIMIT)));
          assertThat(bad.awaitClosedByPeer(READ)).isTrue();
        }
        good.sendFrame("MSH|" + i);
        assertThat(good.readFrame(READ)).isEqualTo("ACK|MSH|" + i);
      }
    }
    assertThat(handler.rejections).hasSize(3);
    assertThat(Poll.until(() -> server.activeConnections() == 0, READ)).isTrue();
  }
}
