package io.integrationhub.server;

import static io.integrationhub.server.InboundTestMessages.concat;
import static io.integrationhub.server.InboundTestMessages.frame;
import static io.integrationhub.server.InboundTestMessages.msa;
import static io.integrationhub.server.InboundTestMessages.ofType;
import static io.integrationhub.server.InboundTestMessages.phwA31;
import static io.integrationhub.server.InboundTestMessages.phwSegments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad and unusual input over real sockets against a real PHW server (idle timeout 1 s, frame limit
 * 2000 bytes). Every rejected message gets no reply, its connection is closed and exactly one
 * MESSAGE_FAILED event is emitted; nothing is dropped silently once a frame has arrived. After
 * every case the server must still acknowledge a valid message on a new connection.
 */
class BadInputTest {

  private static final Duration REPLY = Duration.ofSeconds(5);
  private static final int SIZE_LIMIT = 2000;
  private static final AtomicInteger CONTROL_IDS = new AtomicInteger();

  private static ServerHarness server;
  private int eventsBefore;

  @BeforeAll
  static void startServer() {
    server =
        ServerHarness.start(
            Map.of(
                "MLLP_READ_TIMEOUT_SECONDS",
                "1",
                "MAX_MESSAGE_SIZE_BYTES",
                String.valueOf(SIZE_LIMIT)));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void markEvents() {
    eventsBefore = server.events().size();
  }

  @AfterEach
  void serverStillAcknowledgesAValidMessage() throws IOException {
    String controlId = nextControlId();
    try (RawMllpClient client = server.connect()) {
      client.sendFrame(phwA31(controlId));
      String ack = client.readFrame(REPLY);
      assertThat(msa(ack, 1)).as("MSA-1 after the bad case").isEqualTo("AA");
      assertThat(msa(ack, 2)).isEqualTo(controlId);
    }
  }

  // ---- framing ---------------------------------------------------------------------------------

  @Test
  void garbageWithoutStartBlockIsClosedByTheIdleTimeoutWhileOthersAreServed() throws Exception {
    try (RawMllpClient garbage = server.connect()) {
      garbage.send("garbage\r\n\u0000 not mllp".getBytes(StandardCharsets.ISO_8859_1));
      garbage.send(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x1C, 0x0D});

      // Another connection is served while the garbage connection is open.
      String controlId = nextControlId();
      try (RawMllpClient other = server.connect()) {
        other.sendFrame(phwA31(controlId));
        assertThat(msa(other.readFrame(REPLY), 2)).isEqualTo(controlId);
      }
      assertThat(garbage.awaitClosedByPeer(REPLY))
          .as("the garbage connection is closed (read idle timeout, 1 s)")
          .isTrue();
    }
    // Bytes outside a frame are not a message: no event (the MLLP decoder discards them).
    assertThat(ofType(newEvents(), EventType.MESSAGE_FAILED)).isEmpty();
    assertThat(ofType(newEvents(), EventType.MESSAGE_RECEIVED)).hasSize(1);
  }

  @Test
  void garbageBeforeAStartBlockIsSkippedAndTheFrameAfterItIsProcessed() throws Exception {
    // This server's MLLP decoder discards bytes outside frames (a stray newline between frames is
    // common); the reference closed the connection at the first byte that is not SB.
    String controlId = nextControlId();
    try (RawMllpClient client = server.connect()) {
      client.send(
          concat("\n\r junk ".getBytes(StandardCharsets.US_ASCII), frame(phwA31(controlId))));
      assertThat(msa(client.readFrame(REPLY), 2)).isEqualTo(controlId);
    }
  }

  @Test
  void notHl7TextInAFrameIsRejected() throws Exception {
    assertRejectedWithOneFailure(
        frame("Hello, this is not an HL7 message at all"), "Invalid HL7 message format");
  }

  @Test
  void emptyFrameIsRejected() throws Exception {
    assertRejectedWithOneFailure(frame(new byte[0]), "Invalid HL7 message format");
  }

  @Test
  void invalidUtf8IsRejectedWithAnEventNotDroppedSilently() throws Exception {
    byte[] text = phwA31(nextControlId()).getBytes(StandardCharsets.UTF_8);
    int surname = indexOf(text, "ZZTESTSURNAME");
    byte[] invalid =
        concat(
            Arrays.copyOfRange(text, 0, surname),
            new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
            Arrays.copyOfRange(text, surname, text.length));

    Event failed = assertRejectedWithOneFailure(frame(invalid), "Invalid character encoding");

    assertThat(failed.errorDetails()).contains("UTF-8");
  }

  @Test
  void leadingCrIsRejected() throws Exception {
    assertRejectedWithOneFailure(
        frame("\r" + phwA31(nextControlId())), "Invalid HL7 message format");
  }

  @Test
  void emptySegmentIsRejected() throws Exception {
    List<String> segments = new ArrayList<>(phwSegments(nextControlId()));
    segments.add(2, "");
    assertRejectedWithOneFailure(frame(String.join("\r", segments)), "Invalid HL7 message format");
  }

  @Test
  void payloadEndingWithCrCrIsRejected() throws Exception {
    assertRejectedWithOneFailure(
        frame(phwA31(nextControlId()) + "\r\r"), "Invalid HL7 message format");
  }

  @Test
  void fifthEncodingCharacterBeforeV27IsRejectedWithOneFailure() throws Exception {
    // MSH-2 "^~\\&#" in a v2.5 message: spec section 3 allows a fifth character only from v2.7.
    Event failed =
        assertRejectedWithOneFailure(
            frame(phwA31(nextControlId()).replace("^~\\&", "^~\\&#")),
            "Invalid HL7 message format");

    assertThat(failed.errorDetails()).contains("Invalid encoding chars");
  }

  @Test
  void fifthEncodingCharacterBeforeV27IsRejectedBeforeAnyValidationEvent() throws Exception {
    assertRejectedWithOneFailure(
        frame(phwA31(nextControlId()).replace("^~\\&", "^~\\&#")), "Invalid HL7 message format");

    assertThat(newEvents()).extracting(Event::eventType).containsExactly(EventType.MESSAGE_FAILED);
  }

  @Test
  void lfOnlySeparatorsAreRejected() throws Exception {
    Event failed =
        assertRejectedWithOneFailure(
            frame(String.join("\n", phwSegments(nextControlId()))), "Invalid HL7 message format");

    assertThat(failed.errorDetails()).contains("LF");
  }

  @Test
  void crLfSeparatorsAreAcceptedAndTheBodyKeepsThem() throws Exception {
    String controlId = nextControlId();
    String message = String.join("\r\n", phwSegments(controlId));

    assertThat(msa(server.send(message).orElseThrow(), 1)).isEqualTo("AA");

    assertThat(published(controlId).body()).isEqualTo(message).contains("\r\n");
  }

  @Test
  void trailingCrBeforeTheEndBlockIsAcceptedAndKept() throws Exception {
    String controlId = nextControlId();
    String message = phwA31(controlId) + "\r";

    assertThat(msa(server.send(message).orElseThrow(), 1)).isEqualTo("AA");

    assertThat(published(controlId).body()).isEqualTo(message);
  }

  @Test
  void halfFrameThenClientCloseIsDroppedWithoutHarm() throws Exception {
    byte[] whole = frame(phwA31(nextControlId()));
    try (RawMllpClient client = server.connect()) {
      client.send(Arrays.copyOf(whole, whole.length / 2));
    }
    assertThat(
            Poll.until(
                () -> server.service().mllp().activeConnections() == 0, Duration.ofSeconds(3)))
        .isTrue();
    // An incomplete frame is not a message: nothing processed, nothing published.
    assertThat(newEvents()).isEmpty();
  }

  @Test
  void halfFrameThenHalfCloseClosesTheConnectionWithoutReply() throws Exception {
    byte[] whole = frame(phwA31(nextControlId()));
    try (RawMllpClient client = server.connect()) {
      client.send(Arrays.copyOf(whole, whole.length - 2));
      client.shutdownOutput();
      assertNoReplyAndClosed(client);
    }
    assertThat(newEvents()).isEmpty();
  }

  // ---- size limit ------------------------------------------------------------------------------

  @Test
  void frameOfExactlyTheLimitIsProcessed() throws Exception {
    String controlId = nextControlId();
    byte[] frame = frame(padded(controlId, SIZE_LIMIT));
    assertThat(frame).hasSize(SIZE_LIMIT);
    try (RawMllpClient client = server.connect()) {
      client.send(frame);
      assertThat(msa(client.readFrame(REPLY), 1)).isEqualTo("AA");
    }
  }

  @Test
  void frameOneByteOverTheLimitIsClosedWithOneFailure() throws Exception {
    byte[] frame = frame(padded(nextControlId(), SIZE_LIMIT + 1));
    assertThat(frame).hasSize(SIZE_LIMIT + 1);

    Event failed = assertRejectedWithOneFailure(frame, "Message size limit exceeded");

    assertThat(failed.errorDetails())
        .contains("exceeds maximum allowed size (" + SIZE_LIMIT + " bytes)");
    assertThat(ofType(newEvents(), EventType.MESSAGE_RECEIVED)).isEmpty();
  }

  @Test
  void muchLargerFrameIsClosedWithOneFailure() throws Exception {
    byte[] frame = frame(padded(nextControlId(), 50 * SIZE_LIMIT));
    assertRejectedWithOneFailure(frame, "Message size limit exceeded");
  }

  // ---- timeouts --------------------------------------------------------------------------------

  @Test
  void idleConnectionIsClosedAfterTheReadTimeout() throws Exception {
    try (RawMllpClient client = server.connect()) {
      long start = System.nanoTime();
      assertThat(client.awaitClosedByPeer(REPLY)).isTrue();
      Duration open = Duration.ofNanos(System.nanoTime() - start);
      assertThat(open).isBetween(Duration.ofMillis(800), Duration.ofMillis(3500));
    }
    assertThat(newEvents()).isEmpty();
  }

  @Test
  void slowSenderWithPausesShorterThanTheTimeoutIsAccepted() throws Exception {
    String controlId = nextControlId();
    byte[] frame = frame(phwA31(controlId));
    int chunks = 8;
    int chunkSize = (frame.length + chunks - 1) / chunks;
    long start = System.nanoTime();
    try (RawMllpClient client = server.connect()) {
      for (int from = 0; from < frame.length; from += chunkSize) {
        client.send(Arrays.copyOfRange(frame, from, Math.min(frame.length, from + chunkSize)));
        Thread.sleep(400);
      }
      String ack = client.readFrame(REPLY);
      assertThat(msa(ack, 1)).isEqualTo("AA");
      assertThat(msa(ack, 2)).isEqualTo(controlId);
    }
    // The whole frame took longer than the 1 s idle timeout: only the gaps count.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
  }

  // ---- persistent connections ------------------------------------------------------------------

  @Test
  void manyMessagesOnOneConnectionAndPipelinedFramesAreSeparateMessages() throws Exception {
    List<String> sent = new ArrayList<>();
    try (RawMllpClient client = server.connect()) {
      for (int i = 0; i < 3; i++) {
        String controlId = nextControlId();
        sent.add(phwA31(controlId));
        client.sendFrame(phwA31(controlId));
        assertThat(msa(client.readFrame(REPLY), 2)).isEqualTo(controlId);
      }
      List<String> pipelined = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pipelined.add(nextControlId());
      }
      client.send(
          concat(
              frame(phwA31(pipelined.get(0))),
              frame(phwA31(pipelined.get(1))),
              frame(phwA31(pipelined.get(2)))));
      for (String controlId : pipelined) {
        String ack = client.readFrame(REPLY);
        assertThat(msa(ack, 1)).isEqualTo("AA");
        assertThat(msa(ack, 2)).isEqualTo(controlId);
        sent.add(phwA31(controlId));
      }
    }
    List<String> bodies = server.drainEgress(100).stream().map(ReceivedMessage::body).toList();
    assertThat(bodies).containsSubsequence(sent);
    assertThat(bodies)
        .allSatisfy(body -> assertThat(body).startsWith("MSH").doesNotContain("\u000b", "\u001c"));
    assertThat(ofType(newEvents(), EventType.MESSAGE_PROCESSED)).hasSize(6);
  }

  @Test
  void rejectionClosesTheConnectionAndFramesBehindItAreNotProcessed() throws Exception {
    String first = nextControlId();
    String rejected = nextControlId();
    String behind = nextControlId();
    String invalidDob = phwA31(rejected).replace("|19900101|", "|1990-01-01|");
    try (RawMllpClient client = server.connect()) {
      client.send(concat(frame(phwA31(first)), frame(invalidDob), frame(phwA31(behind))));
      assertThat(msa(client.readFrame(REPLY), 2)).isEqualTo(first);
      assertNoReplyAndClosed(client);
    }
    List<Event> events = newEvents();
    assertThat(ofType(events, EventType.MESSAGE_PROCESSED)).hasSize(1);
    assertThat(ofType(events, EventType.MESSAGE_FAILED))
        .singleElement()
        .satisfies(e -> assertThat(e.validationResult()).isEqualTo("HL7 validation failed"));
    assertThat(ofType(events, EventType.MESSAGE_RECEIVED))
        .as("the frame behind the rejected one was never processed")
        .hasSize(2);
  }

  @Test
  void nakOnErrorRepliesAeAndKeepsTheConnectionOpen() throws Exception {
    try (ServerHarness nak = ServerHarness.start(Map.of("NAK_ON_ERROR", "true"));
        RawMllpClient client = nak.connect()) {
      String badDob = nextControlId();
      client.sendFrame(phwA31(badDob).replace("|19900101|", "|1990-01-01|"));
      String ae = client.readFrame(REPLY);
      assertThat(msa(ae, 1)).isEqualTo("AE");
      assertThat(msa(ae, 2)).isEqualTo(badDob);
      assertThat(ae).contains("\rERR|");

      client.sendFrame("not HL7 at all");
      assertThat(msa(client.readFrame(REPLY), 1)).isEqualTo("AE");

      client.send(frame(new byte[] {'M', 'S', 'H', '|', (byte) 0xC3, 0x28}));
      assertThat(msa(client.readFrame(REPLY), 1)).isEqualTo("AE");

      String valid = nextControlId();
      client.sendFrame(phwA31(valid));
      String aa = client.readFrame(REPLY);
      assertThat(msa(aa, 1)).isEqualTo("AA");
      assertThat(msa(aa, 2)).isEqualTo(valid);

      assertThat(nak.events(EventType.MESSAGE_FAILED)).hasSize(3);
      assertThat(nak.events(EventType.MESSAGE_PROCESSED)).hasSize(1);
    }
  }

  // ---- connection counts -----------------------------------------------------------------------

  @Test
  void twoHundredIdleConnectionsDoNotStopAnotherFromBeingServed() throws Exception {
    try (ServerHarness busy = ServerHarness.start(Map.of("MLLP_MAX_CONNECTIONS", "400"))) {
      List<RawMllpClient> idle = new ArrayList<>();
      try {
        for (int i = 0; i < 200; i++) {
          idle.add(busy.connect());
        }
        assertThat(
                Poll.until(
                    () -> busy.service().mllp().activeConnections() == 200, Duration.ofSeconds(5)))
            .as("200 connections admitted")
            .isTrue();
        try (RawMllpClient active = busy.connect()) {
          for (int i = 0; i < 20; i++) {
            String controlId = nextControlId();
            active.sendFrame(phwA31(controlId));
            String ack = active.readFrame(REPLY);
            assertThat(msa(ack, 1)).isEqualTo("AA");
            assertThat(msa(ack, 2)).isEqualTo(controlId);
          }
          assertThat(busy.service().mllp().activeConnections()).isEqualTo(201);
        }
        for (RawMllpClient client : idle) {
          assertThat(client.awaitClosedByPeer(Duration.ofMillis(1)))
              .as("idle connection still open")
              .isFalse();
        }
      } finally {
        for (RawMllpClient client : idle) {
          client.close();
        }
      }
      assertThat(busy.events(EventType.MESSAGE_PROCESSED)).hasSize(20);
    }
  }

  @Test
  void maxConnectionsRefusesTheSixth() throws Exception {
    try (ServerHarness limited = ServerHarness.start(Map.of("MLLP_MAX_CONNECTIONS", "5"))) {
      List<RawMllpClient> five = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          five.add(limited.connect());
        }
        assertThat(
                Poll.until(
                    () -> limited.service().mllp().activeConnections() == 5, Duration.ofSeconds(5)))
            .isTrue();
        try (RawMllpClient sixth = limited.connect()) {
          sixth.sendFrame(phwA31(nextControlId()));
          assertNoReplyAndClosed(sixth);
        }
        // The admitted five still work.
        String controlId = nextControlId();
        five.get(4).sendFrame(phwA31(controlId));
        assertThat(msa(five.get(4).readFrame(REPLY), 2)).isEqualTo(controlId);

        // A slot freed is a slot available.
        five.remove(0).close();
        assertThat(
                Poll.until(
                    () -> limited.service().mllp().activeConnections() == 4, Duration.ofSeconds(5)))
            .isTrue();
        String again = nextControlId();
        try (RawMllpClient replacement = limited.connect()) {
          replacement.sendFrame(phwA31(again));
          assertThat(msa(replacement.readFrame(REPLY), 2)).isEqualTo(again);
        }
      } finally {
        for (RawMllpClient client : five) {
          client.close();
        }
      }
      assertThat(limited.events(EventType.MESSAGE_PROCESSED)).hasSize(2);
      assertThat(limited.events(EventType.MESSAGE_RECEIVED)).hasSize(2);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Sends the bytes on a new connection: no reply, connection closed, one MESSAGE_FAILED. */
  private Event assertRejectedWithOneFailure(byte[] bytes, String validationResult)
      throws IOException {
    try (RawMllpClient client = server.connect()) {
      client.send(bytes);
      assertNoReplyAndClosed(client);
    }
    List<Event> events = newEvents();
    assertThat(ofType(events, EventType.MESSAGE_PROCESSED)).isEmpty();
    List<Event> failed = ofType(events, EventType.MESSAGE_FAILED);
    assertThat(failed).as("MESSAGE_FAILED events").hasSize(1);
    assertThat(failed.get(0).validationResult()).isEqualTo(validationResult);
    assertThat(failed.get(0).errorDetails()).isNotBlank();
    return failed.get(0);
  }

  private static void assertNoReplyAndClosed(RawMllpClient client) {
    assertThatThrownBy(() -> client.readFrame(REPLY))
        .as("no reply; the server closes the connection")
        .isInstanceOfAny(EOFException.class, SocketException.class);
  }

  private List<Event> newEvents() {
    List<Event> all = server.events();
    return all.subList(eventsBefore, all.size());
  }

  /** The published message with this MSH-10 (drains the egress). */
  private static ReceivedMessage published(String controlId) throws MessageBusException {
    return server.drainEgress(200).stream()
        .filter(m -> m.messageId().filter(controlId::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing published with MSH-10 " + controlId));
  }

  /** A valid PHW message whose frame is exactly {@code frameLength} bytes (PID-11 padded). */
  private static String padded(String controlId, int frameLength) {
    List<String> segments = new ArrayList<>(phwSegments(controlId));
    String pid = segments.get(2) + "|||1 ZZTEST ROAD ";
    segments.set(2, pid);
    int missing = frameLength - 3 - String.join("\r", segments).length();
    assertThat(missing).isNotNegative();
    segments.set(2, pid + "X".repeat(missing));
    return String.join("\r", segments);
  }

  private static int indexOf(byte[] bytes, String ascii) {
    return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(ascii);
  }

  private static String nextControlId() {
    return "BAD" + CONTROL_IDS.incrementAndGet();
  }
}
