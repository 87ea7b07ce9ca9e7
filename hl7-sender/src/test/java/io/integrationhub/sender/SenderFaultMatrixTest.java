package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.artemis.DeadLetteredMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mockreceiver.MockReceiverService;
import io.integrationhub.mockreceiver.MockReceiverSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reply (or lack of one) a receiver can give, against a real sender on an embedded broker:
 * each case ends with the right settlement (completed, retried, dead-lettered) and the right event.
 */
class SenderFaultMatrixTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SENT_AA = "Message sent successfully, received ACK: AA";
  private static final String DUPLICATE = "may have it twice";

  /** An ACK with the given MSA-1 and MSA-2. */
  static String ack(String code, String msa2) {
    return "MSH|^~\\&|100|100|252|252|20250101||ACK|X|P|2.5\rMSA|" + code + "|" + msa2;
  }

  /** MSH-10 of a message the peer received. */
  static String controlIdOf(String message) {
    return message.split("\\|")[9];
  }

  /** A peer behaviour answering AA for whatever was sent. */
  static PeerBehaviour aa(String message) {
    return PeerBehaviour.reply(ack("AA", controlIdOf(message)));
  }

  private static SenderHarness sender(FaultyMllpPeer peer, String... extra) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("RECEIVER_MLLP_HOST", peer.host());
    overrides.put("RECEIVER_MLLP_PORT", Integer.toString(peer.port()));
    for (int i = 0; i < extra.length; i += 2) {
      overrides.put(extra[i], extra[i + 1]);
    }
    return SenderHarness.start(overrides);
  }

  /** Publishes one message whose CorrelationId is {@code correlationId}. */
  private static void publish(SenderHarness sender, String body, String correlationId) {
    sender.publish(List.of(body), Map.of("CorrelationId", correlationId));
  }

  private static void await(BooleanSupplier condition, String what) {
    assertThat(Poll.until(condition, WAIT)).as("waited for: " + what).isTrue();
  }

  private static List<Event> eventsOf(SenderHarness sender, String correlationId) {
    return sender.events().stream().filter(e -> correlationId.equals(e.correlationId())).toList();
  }

  private static List<Event> eventsOf(SenderHarness sender, EventType type, String correlationId) {
    return sender.events(type).stream()
        .filter(e -> correlationId.equals(e.correlationId()))
        .toList();
  }

  private static long received(FaultyMllpPeer peer, String controlId) {
    return peer.receivedMessages().stream().filter(m -> controlIdOf(m).equals(controlId)).count();
  }

  // --- positive ACKs -------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} completes the message")
  @ValueSource(strings = {"AA", "CA"})
  void aPositiveAckCompletesTheMessage(String code) {
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(m -> PeerBehaviour.reply(ack(code, controlIdOf(m))));
        SenderHarness sender = sender(peer)) {
      publish(sender, SenderTestMessages.adtA31("POS1"), "POS1");

      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "MESSAGE_SENT");

      assertThat(eventsOf(sender, "POS1"))
          .extracting(Event::eventType)
          .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_SENT);
      assertThat(sender.events(EventType.MESSAGE_SENT).getFirst().validationResult())
          .isEqualTo("Message sent successfully, received ACK: " + code);
      assertThat(sender.events(EventType.MESSAGE_FAILED)).isEmpty();
      assertThat(peer.receivedMessages()).containsExactly(SenderTestMessages.adtA31("POS1"));
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.counter("messages_possible_duplicate")).isZero();
      assertThat(sender.receiverHealth().snapshot().up()).isTrue();
      assertThat(sender.receiverHealth().snapshot().lastSuccess()).isPresent();
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  // --- negative ACKs -------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} with policy {1}")
  @CsvSource({
    "AE, retry",
    "AR, retry",
    "CE, retry",
    "CR, retry",
    "AE, dead-letter",
    "AR, dead-letter",
    "CE, dead-letter",
    "CR, dead-letter"
  })
  void aNegativeAckIsRetriedOrDeadLetteredByPolicy(String code, String policy) {
    // NEG1 is refused with the code until the peer changes its mind; NEXT1 is always accepted.
    AtomicInteger refusals = new AtomicInteger();
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(
                m -> {
                  String id = controlIdOf(m);
                  if (id.equals("NEG1")) {
                    refusals.incrementAndGet();
                    return PeerBehaviour.reply(ack(code, id));
                  }
                  return aa(m);
                });
        SenderHarness sender = sender(peer, "NEGATIVE_ACK_POLICY", policy)) {
      sender.publish(
          List.of(SenderTestMessages.adtA31("NEG1"), SenderTestMessages.adtA31("NEXT1")),
          Map.of("CorrelationId", "neg-test"));

      if (policy.equals("dead-letter")) {
        await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "NEXT1 sent");

        List<DeadLetteredMessage> dead = sender.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().body()).isEqualTo(SenderTestMessages.adtA31("NEG1"));
        assertThat(dead.getFirst().reason()).contains(code).contains("Negative ACK");
        assertThat(refusals).hasValue(1);
        assertThat(peer.receivedMessages())
            .containsExactly(SenderTestMessages.adtA31("NEG1"), SenderTestMessages.adtA31("NEXT1"));
      } else {
        await(() -> refusals.get() >= 3, "NEG1 refused three times");
        assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
        assertThat(received(peer, "NEXT1")).as("nothing overtakes the refused message").isZero();
        assertThat(sender.deadLetters()).isEmpty();

        peer.behaviour(SenderFaultMatrixTest::aa);
        await(() -> sender.events(EventType.MESSAGE_SENT).size() == 2, "both sent");

        assertThat(sender.events(EventType.MESSAGE_SENT))
            .extracting(Event::validationResult)
            .containsOnly(SENT_AA);
        // One send per failed delivery (a NAK is an answer: no immediate resend), then the AA.
        int failed = sender.events(EventType.MESSAGE_FAILED).size();
        assertThat(received(peer, "NEG1")).isEqualTo(failed + 1L);
        assertThat(controlIdOf(peer.receivedMessages().getLast())).isEqualTo("NEXT1");
        assertThat(sender.deadLetters()).isEmpty();
      }
      List<Event> failures = sender.events(EventType.MESSAGE_FAILED);
      assertThat(failures).isNotEmpty();
      assertThat(failures)
          .allSatisfy(
              e -> {
                assertThat(e.errorDetails())
                    .contains("Negative ACK received: " + code)
                    .contains("NEG1");
                assertThat(e.messageContent()).contains("|NEG1|");
              });
      assertThat(sender.counter("messages_sent")).isEqualTo(policy.equals("retry") ? 2 : 1);
      assertThat(sender.counter("messages_possible_duplicate")).isZero();
      assertThat(sender.receiverHealth().snapshot().up()).as("the receiver answered").isTrue();
      assertThat(sender.drainIngress()).isEmpty();
    }
  }

  // --- replies that are not an ACK of the message ---------------------------------------------

  @Test
  void aReplyWithoutMsaIsAFailureAndTheMessageIsRetried() {
    String adt = "MSH|^~\\&|100|100|252|252|20250101||ADT^A01|Y1|P|2.5\rPID|1||123";
    assertRetriedUntilAPositiveAck(
        "NOMSA1", m -> PeerBehaviour.reply(adt), "Invalid reply to message NOMSA1");
  }

  @Test
  void aGarbageReplyIsAFailureAndTheMessageIsRetried() {
    byte[] garbage = "\u000bthis is not hl7\u001c\r".getBytes(StandardCharsets.US_ASCII);
    assertRetriedUntilAPositiveAck(
        "GARB1", m -> PeerBehaviour.replyGarbage(garbage), "Invalid reply to message GARB1");
  }

  private void assertRetriedUntilAPositiveAck(
      String controlId,
      java.util.function.Function<String, PeerBehaviour> fault,
      String expectedError) {
    try (FaultyMllpPeer peer = FaultyMllpPeer.start(fault);
        SenderHarness sender = sender(peer)) {
      publish(sender, SenderTestMessages.adtA31(controlId), controlId);

      await(() -> sender.events(EventType.MESSAGE_FAILED).size() >= 2, "two failures");
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(received(peer, controlId)).isGreaterThanOrEqualTo(2);
      assertThat(sender.events(EventType.MESSAGE_FAILED))
          .allSatisfy(e -> assertThat(e.errorDetails()).startsWith(expectedError));
      assertThat(sender.receiverHealth().snapshot().up()).isFalse();

      peer.behaviour(SenderFaultMatrixTest::aa);
      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "MESSAGE_SENT");

      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.receiverHealth().snapshot().up()).isTrue();
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void anAckOfAnotherMessageIsNeverAcceptanceAndDropsTheConnection() {
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(m -> PeerBehaviour.reply(ack("AA", "SOMEONE-ELSE")));
        SenderHarness sender = sender(peer)) {
      publish(sender, SenderTestMessages.adtA31("WRONG1"), "WRONG1");

      await(() -> sender.events(EventType.MESSAGE_FAILED).size() >= 2, "two failures");
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(sender.counter("messages_sent")).isZero();
      assertThat(sender.events(EventType.MESSAGE_FAILED))
          .allSatisfy(
              e ->
                  assertThat(e.errorDetails())
                      .contains("does not match")
                      .contains("WRONG1")
                      .contains("SOMEONE-ELSE"));
      // Each wrong ACK drops the connection: every retry arrives on a new one.
      assertThat(peer.connectionsAccepted()).isGreaterThanOrEqualTo(2);
      int failuresSoFar = sender.events(EventType.MESSAGE_FAILED).size();
      assertThat(peer.connectionsAccepted()).isGreaterThanOrEqualTo(failuresSoFar);

      peer.behaviour(SenderFaultMatrixTest::aa);
      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "MESSAGE_SENT");

      int failures = sender.events(EventType.MESSAGE_FAILED).size();
      assertThat(received(peer, "WRONG1")).isEqualTo(failures + 1L);
      assertThat(peer.connectionsAccepted()).isEqualTo(failures + 1);
      assertThat(sender.events(EventType.MESSAGE_SENT).getFirst().validationResult())
          .startsWith(SENT_AA)
          .contains(DUPLICATE);
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.counter("messages_possible_duplicate")).isEqualTo(1);
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  // --- timeouts and lost connections ----------------------------------------------------------

  @Test
  void aLateAckIsResentOnceAtOnceAndNeverTakenForTheNextMessage() {
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(
                m -> {
                  String id = controlIdOf(m);
                  int n = seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                  if (id.equals("LATE1") && n == 1) {
                    // Answered after the sender's 1 s timeout, while LATE2 is in flight.
                    return PeerBehaviour.delayThenReply(Duration.ofMillis(1500), ack("AA", id));
                  }
                  if (id.equals("LATE2") && n == 1) {
                    return PeerBehaviour.delayThenReply(Duration.ofMillis(600), ack("AE", id));
                  }
                  return aa(m);
                });
        SenderHarness sender = sender(peer, "ACK_TIMEOUT_SECONDS", "1")) {
      publish(sender, SenderTestMessages.adtA31("LATE1"), "LATE1");
      publish(sender, SenderTestMessages.adtA31("LATE2"), "LATE2");

      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 2, "both sent");

      // LATE1: timed out, the same message resent at once on a new connection, completed.
      assertThat(received(peer, "LATE1")).isEqualTo(2);
      assertThat(peer.receivedMessages().subList(0, 2))
          .containsExactly(SenderTestMessages.adtA31("LATE1"), SenderTestMessages.adtA31("LATE1"));
      assertThat(peer.connectionsAccepted()).isGreaterThanOrEqualTo(2);
      assertThat(eventsOf(sender, "LATE1"))
          .extracting(Event::eventType)
          .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_SENT);
      assertThat(eventsOf(sender, EventType.MESSAGE_SENT, "LATE1").getFirst().validationResult())
          .startsWith(SENT_AA)
          .contains(DUPLICATE);

      // LATE2: its first reply (AE) counted, the late AA of LATE1 never did.
      assertThat(eventsOf(sender, "LATE2"))
          .extracting(Event::eventType)
          .containsExactly(
              EventType.MESSAGE_RECEIVED,
              EventType.MESSAGE_FAILED,
              EventType.MESSAGE_RECEIVED,
              EventType.MESSAGE_SENT);
      assertThat(eventsOf(sender, EventType.MESSAGE_FAILED, "LATE2").getFirst().errorDetails())
          .contains("Negative ACK received: AE");
      assertThat(eventsOf(sender, EventType.MESSAGE_SENT, "LATE2").getFirst().validationResult())
          .isEqualTo(SENT_AA);
      assertThat(received(peer, "LATE2")).isEqualTo(2);
      assertThat(sender.counter("messages_sent")).isEqualTo(2);
      assertThat(sender.counter("messages_possible_duplicate")).isEqualTo(1);
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void aConnectionClosedBeforeTheAckIsResentOnceThenRetried() {
    try (FaultyMllpPeer peer = FaultyMllpPeer.start(m -> PeerBehaviour.closeBeforeReply());
        SenderHarness sender = sender(peer)) {
      publish(sender, SenderTestMessages.adtA31("CLOSE1"), "CLOSE1");

      await(() -> sender.events(EventType.MESSAGE_FAILED).size() >= 2, "two failures");
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(sender.events(EventType.MESSAGE_FAILED))
          .allSatisfy(
              e -> {
                assertThat(e.errorDetails()).startsWith("Failed to send message CLOSE1");
                assertThat(e.validationResult())
                    .isEqualTo("Message sending failed - connection/timeout error");
              });

      peer.behaviour(SenderFaultMatrixTest::aa);
      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "MESSAGE_SENT");

      // Every failed delivery is two sends (the attempt and its immediate resend), each on a new
      // connection; then the one that was accepted.
      int failures = sender.events(EventType.MESSAGE_FAILED).size();
      assertThat(received(peer, "CLOSE1")).isEqualTo(2L * failures + 1);
      assertThat(peer.connectionsAccepted()).isEqualTo(2 * failures + 1);
      assertThat(sender.events(EventType.MESSAGE_SENT).getFirst().validationResult())
          .startsWith(SENT_AA)
          .contains(DUPLICATE);
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void aPeerThatNeverAnswersTimesOutTwiceAndTheMessageStays() {
    try (FaultyMllpPeer peer = FaultyMllpPeer.start(m -> PeerBehaviour.neverReply());
        SenderHarness sender = sender(peer, "ACK_TIMEOUT_SECONDS", "1")) {
      publish(sender, SenderTestMessages.adtA31("HANG1"), "HANG1");

      await(() -> sender.events(EventType.MESSAGE_FAILED).size() == 1, "one failure");

      Event failure = sender.events(EventType.MESSAGE_FAILED).getFirst();
      assertThat(failure.errorDetails())
          .startsWith("Failed to send message HANG1")
          .contains("No ACK received within 1 seconds");
      assertThat(failure.correlationId()).isEqualTo("HANG1");
      assertThat(peer.receivedMessages())
          .as("the attempt and its one immediate resend")
          .startsWith(SenderTestMessages.adtA31("HANG1"), SenderTestMessages.adtA31("HANG1"));
      assertThat(peer.connectionsAccepted()).isGreaterThanOrEqualTo(2);
      assertThat(sender.receiverHealth().snapshot().up()).isFalse();
      assertThat(sender.receiverHealth().snapshot().lastError()).contains("No ACK received");
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();

      List<ReceivedMessage> left = sender.drainIngress();
      assertThat(left).hasSize(1);
      assertThat(left.getFirst().body()).isEqualTo(SenderTestMessages.adtA31("HANG1"));
      assertThat(left.getFirst().deliveryCount()).isGreaterThan(1);
      assertThat(sender.events(EventType.MESSAGE_SENT)).isEmpty();
      assertThat(sender.counter("messages_sent")).isZero();
      assertThat(sender.deadLetters()).isEmpty();
    }
  }

  @Test
  void aReceiverThatIsDownThenUpGetsEveryMessage(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Map<String, String> overrides = new HashMap<>();
    overrides.put("RECEIVER_MLLP_HOST", "127.0.0.1");
    overrides.put("RECEIVER_MLLP_PORT", Integer.toString(port));
    overrides.put("MLLP_CONNECT_TIMEOUT_SECONDS", "1");
    // Slower back-off than the harness default, so the broker's MaxDeliveryCount (10) leaves
    // several seconds to bring the receiver up.
    try (SenderHarness sender =
        SenderHarness.start(
            "mpi-hl7-sender.env",
            overrides,
            b ->
                b.initialRetryDelay(Duration.ofMillis(200)).maxRetryDelay(Duration.ofSeconds(1)))) {
      sender.publish(
          List.of(SenderTestMessages.adtA31("DOWN1"), SenderTestMessages.adtA31("DOWN2")),
          Map.of("CorrelationId", "down"));

      await(() -> sender.events(EventType.MESSAGE_FAILED).size() >= 2, "two failures");
      assertThat(sender.events(EventType.MESSAGE_FAILED))
          .allSatisfy(
              e ->
                  assertThat(e.errorDetails())
                      .startsWith("Failed to send message DOWN1")
                      .contains("Cannot connect"));
      assertThat(sender.receiverHealth().snapshot().up()).isFalse();

      Path journal = dir.resolve("received.jsonl");
      Map<String, String> env =
          Map.of(
              "PORT",
              Integer.toString(port),
              "HEALTH_CHECK_PORT",
              "0",
              "RECEIVED_MESSAGES_FILE",
              journal.toString());
      MockReceiverService mpi = MockReceiverService.withoutBus(MockReceiverSettings.from(env::get));
      mpi.start();
      try {
        await(() -> sender.events(EventType.MESSAGE_SENT).size() == 2, "both sent");
      } finally {
        mpi.stop();
      }

      List<String> lines = Files.readAllLines(journal);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains("\"controlId\":\"DOWN1\"").contains("\"reply\":\"AA\"");
      assertThat(lines.get(1)).contains("\"controlId\":\"DOWN2\"").contains("\"reply\":\"AA\"");
      assertThat(sender.events(EventType.MESSAGE_SENT))
          .extracting(Event::validationResult)
          .containsOnly(SENT_AA);
      assertThat(sender.counter("messages_sent")).isEqualTo(2);
      assertThat(sender.receiverHealth().snapshot().up()).isTrue();
      assertThat(sender.drainIngress()).isEmpty();
      assertThat(sender.deadLetters()).as("nothing lost").isEmpty();
    }
  }

  // --- bodies that can never be delivered -----------------------------------------------------

  @Test
  void aBodyThatIsNotHl7IsDeadLetteredAndTheNextMessageDelivered() {
    try (FaultyMllpPeer peer = FaultyMllpPeer.start(SenderFaultMatrixTest::aa);
        SenderHarness sender = sender(peer)) {
      publish(sender, "hello", "bad");
      publish(sender, SenderTestMessages.adtA31("AFTER1"), "AFTER1");

      await(() -> sender.events(EventType.MESSAGE_SENT).size() == 1, "AFTER1 sent");

      List<DeadLetteredMessage> dead = sender.deadLetters();
      assertThat(dead).hasSize(1);
      assertThat(dead.getFirst().body()).isEqualTo("hello");
      assertThat(dead.getFirst().reason()).isEqualTo("NotHl7");
      assertThat(eventsOf(sender, "bad"))
          .extracting(Event::eventType)
          .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_FAILED);
      assertThat(peer.receivedMessages()).containsExactly(SenderTestMessages.adtA31("AFTER1"));
      assertThat(sender.counter("messages_sent")).isEqualTo(1);
      assertThat(sender.drainIngress()).isEmpty();
    }
  }
}
