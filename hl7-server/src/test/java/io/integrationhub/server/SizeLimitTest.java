package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.EVN;
import static io.integrationhub.server.ServerTestMessages.PD1;
import static io.integrationhub.server.ServerTestMessages.PV1;
import static io.integrationhub.server.ServerTestMessages.bytesUntilClosed;
import static io.integrationhub.server.ServerTestMessages.eventsSince;
import static io.integrationhub.server.ServerTestMessages.field;
import static io.integrationhub.server.ServerTestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec §2.4 with {@code MAX_MESSAGE_SIZE_BYTES=2000}: the limit is the whole frame, SB, EB and CR
 * included; 2000 bytes are processed, 2001 rejected with one MESSAGE_FAILED and the connection
 * closed.
 */
class SizeLimitTest {

  private static final int LIMIT = 2000;
  private static final Duration READ = Duration.ofSeconds(10);

  private static ServerHarness server;

  @BeforeAll
  static void startServer() {
    server = ServerHarness.start(Map.of("MAX_MESSAGE_SIZE_BYTES", String.valueOf(LIMIT)));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void drain() throws Exception {
    server.drainEgress(100, Duration.ofMillis(300));
  }

  /** A valid PHW message whose MLLP frame (SB + payload + EB + CR) is exactly {@code bytes}. */
  static String messageWithFrameSize(String controlId, int bytes) {
    String shortest = padded(controlId, 0);
    int padding = bytes - 3 - shortest.getBytes(StandardCharsets.UTF_8).length;
    String message = padded(controlId, padding);
    assertThat(RawMllpClient.frame(message)).hasSize(bytes);
    return message;
  }

  private static String padded(String controlId, int padding) {
    return message(
        "252",
        "ADT^A31^ADT_A05",
        controlId,
        "2.5",
        List.of(
            EVN,
            "PID|1||8888888^^^252^PI||TESTER" + "X".repeat(padding) + "^TEST^^^MR||19900101|F",
            PD1,
            PV1));
  }

  @Test
  void aFrameOfExactlyTheLimitIsProcessed() throws Exception {
    try (RawMllpClient client = server.connect()) {
      client.sendFrame(messageWithFrameSize("SIZE2000", LIMIT));

      String ack = client.readFrame(READ);
      assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
      assertThat(field(ack, "MSA", 2)).isEqualTo("SIZE2000");
    }
    assertThat(server.drainEgress(5))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo(messageWithFrameSize("SIZE2000", LIMIT)));
  }

  @Test
  void oneByteMoreIsRejectedWithOneFailureAndTheConnectionClosed() throws Exception {
    int before = server.events().size();
    try (RawMllpClient client = server.connect()) {
      // First a frame at the limit on the same connection: answered; then one byte more.
      client.sendFrame(messageWithFrameSize("SIZEOK", LIMIT));
      assertThat(field(client.readFrame(READ), "MSA", 2)).isEqualTo("SIZEOK");
      int afterFirst = server.events().size();

      client.sendFrame(messageWithFrameSize("SIZE2001", LIMIT + 1));

      assertThat(bytesUntilClosed(client, READ)).as("reply to the oversized frame").isEmpty();
      List<Event> events = eventsSince(server, afterFirst);
      assertThat(events).extracting(Event::eventType).containsExactly(EventType.MESSAGE_FAILED);
      Event failed = events.get(0);
      assertThat(failed.validationResult()).isEqualTo("Message size limit exceeded");
      assertThat(failed.errorDetails())
          .matches(
              "Message size \\(\\d+ bytes\\) exceeds maximum allowed size \\(2000 bytes\\)\\."
                  + " Connection will be closed\\.");
      assertThat(failed.correlationId()).isNotBlank();
      assertThat(failed.messageContent()).doesNotContain("TESTER");
    }
    assertThat(server.drainEgress(5))
        .extracting(m -> m.messageId().orElse(""))
        .containsExactly("SIZEOK");
    assertThat(eventsSince(server, before, EventType.MESSAGE_PROCESSED)).hasSize(1);

    // The server still takes new connections.
    assertThat(server.send(messageWithFrameSize("SIZEAFTER", LIMIT - 1)))
        .hasValueSatisfying(ack -> assertThat(ack).contains("MSA|AA|SIZEAFTER\r"));
  }
}
