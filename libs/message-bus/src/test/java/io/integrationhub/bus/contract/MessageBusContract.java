package io.integrationhub.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.integrationhub.bus.BatchPublishException;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.MessageTooLargeException;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MessageBus} adapter must show, written only against the port. An
 * adapter's test extends this class and supplies the bus and the entities (the names of {@link
 * #contractTopology()} are a ready-made choice; adapters that can create entities apply it with
 * {@link MessageBus#applyTopology}).
 *
 * <p>Tests do not interfere: each uses fresh session ids on the shared session queue, and the
 * non-session tests first drain {@link #queueWithoutSessions()} (which an adapter may also make
 * fresh on each call). Tests of one class run one at a time.
 */
public abstract class MessageBusContract {
  /** Names used by {@link #contractTopology()}. */
  public static final String SESSION_QUEUE = "contract-sessions";

  public static final String PLAIN_QUEUE = "contract-plain";
  public static final String TOPIC = "contract-topic";
  public static final String SUBSCRIPTION = "contract-subscription";

  /** The bus under test, open for the whole class. */
  protected abstract MessageBus bus();

  /** A session-enabled queue whose MaxDeliveryCount is {@link #maxDeliveryCount()}. */
  protected abstract Source queueWithSessions();

  /** A queue without sessions; called once per test that needs one (may be a fresh queue). */
  protected abstract Source queueWithoutSessions();

  /** A topic with the subscription {@link #subscriptionWithSessions()}. */
  protected abstract Destination topic();

  /** A session-enabled subscription of {@link #topic()}. */
  protected abstract Source subscriptionWithSessions();

  /** The largest body, in UTF-8 bytes, the bus under test accepts. */
  protected abstract int maxMessageBytes();

  /** Reads (peeks) the dead-letter queue of a source. */
  protected abstract List<DeadLetter> deadLetters(Source source) throws Exception;

  /** MaxDeliveryCount of {@link #queueWithSessions()}. */
  protected int maxDeliveryCount() {
    return 10;
  }

  /** How long to wait for a message that should come. */
  protected Duration receiveWait() {
    return Duration.ofSeconds(10);
  }

  /** How long to wait to be sure a message does not come. */
  protected Duration absenceWait() {
    return Duration.ofMillis(500);
  }

  /** A dead-lettered message as the suite checks it. */
  public record DeadLetter(
      String body,
      Optional<String> messageId,
      Map<String, String> properties,
      String reason,
      String description) {}

  /**
   * The entities of the suite: a session queue and a plain queue with the reference settings, and a
   * topic with one session subscription.
   */
  public static BusTopology contractTopology() {
    return new BusTopology(
        "contract",
        List.of(
            new QueueSpec(SESSION_QUEUE, EntitySettings.referenceDefaults(true)),
            new QueueSpec(PLAIN_QUEUE, EntitySettings.referenceDefaults(false))),
        List.of(
            new TopicSpec(
                TOPIC,
                List.of(
                    new SubscriptionSpec(SUBSCRIPTION, EntitySettings.referenceDefaults(true))))));
  }

  // ---------------------------------------------------------------- ordering and sessions

  @Test
  void messagesOfOneSessionArriveInTheOrderSent() throws Exception {
    String session = freshSession();
    int count = 200;
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      for (int i = 0; i < count; i++) {
        publisher.publish(message(session, "order-" + i));
      }
    }
    List<String> bodies = new ArrayList<>();
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      long deadline = System.nanoTime() + receiveWait().toNanos() * 3;
      while (bodies.size() < count && System.nanoTime() < deadline) {
        for (ReceivedMessage m : receiver.receive(25, Duration.ofSeconds(1))) {
          assertThat(m.sessionId()).contains(session);
          bodies.add(m.body());
          m.complete();
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add("order-" + i);
    }
    assertThat(bodies).containsExactlyElementsOf(expected);
  }

  @Test
  void aFailingSessionDoesNotHoldUpAnotherSession() throws Exception {
    String failing = freshSession();
    String healthy = freshSession();
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      for (int i = 0; i < 3; i++) {
        publisher.publish(message(failing, "failing-" + i));
        publisher.publish(message(healthy, "healthy-" + i));
      }
    }
    try (SessionReceiver stuck = bus().receiver(queueWithSessions(), Optional.of(failing));
        SessionReceiver flowing = bus().receiver(queueWithSessions(), Optional.of(healthy))) {
      ReceivedMessage firstFailure = receiveExactly(stuck, 1).get(0);
      assertThat(firstFailure.body()).isEqualTo("failing-0");
      firstFailure.abandon();

      List<ReceivedMessage> healthyMessages = receiveExactly(flowing, 3);
      assertThat(healthyMessages)
          .extracting(ReceivedMessage::body)
          .containsExactly("healthy-0", "healthy-1", "healthy-2");
      for (ReceivedMessage m : healthyMessages) {
        assertThat(m.sessionId()).contains(healthy);
        m.complete();
      }

      List<ReceivedMessage> retried = receiveExactly(stuck, 3);
      assertThat(retried)
          .extracting(ReceivedMessage::body)
          .containsExactly("failing-0", "failing-1", "failing-2");
      for (ReceivedMessage m : retried) {
        m.complete();
      }
    }
  }

  @Test
  void aSecondReceiverOfAHeldSessionIsRefusedUntilTheFirstCloses() throws Exception {
    String session = freshSession();
    SessionReceiver first = bus().receiver(queueWithSessions(), Optional.of(session));
    try {
      assertThatThrownBy(() -> bus().receiver(queueWithSessions(), Optional.of(session)))
          .isInstanceOf(SessionUnavailableException.class);
      // another session of the same queue is free
      try (SessionReceiver other =
          bus().receiver(queueWithSessions(), Optional.of(freshSession()))) {
        assertThat(other.source()).isEqualTo(queueWithSessions());
      }
    } finally {
      first.close();
    }
    try (SessionReceiver again = bus().receiver(queueWithSessions(), Optional.of(session))) {
      assertThat(again.lockDuration()).isPositive();
      again.renewLock();
    }
  }

  // ---------------------------------------------------------------- settlement

  @Test
  void completeAllRemovesEveryMessageOfTheBatch() throws Exception {
    String session = freshSession();
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      for (int i = 0; i < 10; i++) {
        publisher.publish(message(session, "batch-" + i));
      }
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      List<ReceivedMessage> batch = receiveExactly(receiver, 10);
      receiver.completeAll(batch);
      assertThatThrownBy(batch.get(3)::complete)
          .as("a message completed in a batch is settled")
          .isInstanceOf(SettlementException.class);
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      assertThat(receiver.receive(10, absenceWait())).isEmpty();
    }
  }

  @Test
  void completeRemovesTheMessage() throws Exception {
    String session = freshSession();
    publishOne(message(session, "complete-me"));
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      assertThat(m.deliveryCount()).isEqualTo(1);
      m.complete();
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      assertThat(receiver.receive(10, absenceWait())).isEmpty();
    }
  }

  @Test
  void settlingTwiceFails() throws Exception {
    String session = freshSession();
    publishOne(message(session, "settle-twice"));
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      m.complete();
      assertThatThrownBy(m::complete).isInstanceOf(SettlementException.class);
      assertThatThrownBy(m::abandon).isInstanceOf(SettlementException.class);
    }
  }

  @Test
  void abandonRedeliversInOrderWithTheDeliveryCountRaised() throws Exception {
    String session = freshSession();
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      for (int i = 0; i < 3; i++) {
        publisher.publish(message(session, "abandon-" + i));
      }
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      List<ReceivedMessage> first = receiveExactly(receiver, 3);
      assertThat(first).extracting(ReceivedMessage::deliveryCount).containsExactly(1, 1, 1);
      // the processing loop's rule: abandon the failed message and every later one
      for (ReceivedMessage m : first) {
        m.abandon();
      }
      List<ReceivedMessage> again = receiveExactly(receiver, 3);
      assertThat(again)
          .extracting(ReceivedMessage::body)
          .containsExactly("abandon-0", "abandon-1", "abandon-2");
      assertThat(again).extracting(ReceivedMessage::deliveryCount).containsExactly(2, 2, 2);
      for (ReceivedMessage m : again) {
        m.complete();
      }
    }
  }

  @Test
  void deadLetterKeepsReasonAndDescription() throws Exception {
    String session = freshSession();
    String id = "DL-" + UUID.randomUUID();
    publishOne(
        OutboundMessage.builder("MSH|dead-letter")
            .sessionId(session)
            .messageId(id)
            .property("CorrelationId", "corr-1")
            .build());
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      receiveExactly(receiver, 1).get(0).deadLetter("ValidationFailed", "MSH-9 is missing");
      assertThat(receiver.receive(1, absenceWait())).isEmpty();
    }
    DeadLetter dead = awaitDeadLetter(queueWithSessions(), id);
    assertThat(dead.reason()).isEqualTo("ValidationFailed");
    assertThat(dead.description()).isEqualTo("MSH-9 is missing");
    assertThat(dead.body()).isEqualTo("MSH|dead-letter");
    assertThat(dead.properties()).containsEntry("CorrelationId", "corr-1");
  }

  @Test
  void exceedingMaxDeliveryCountMovesTheMessageToTheDeadLetterQueue() throws Exception {
    String session = freshSession();
    String id = "MAX-" + UUID.randomUUID();
    publishOne(OutboundMessage.builder("MSH|poison").sessionId(session).messageId(id).build());
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      for (int attempt = 1; attempt <= maxDeliveryCount(); attempt++) {
        ReceivedMessage m = receiveExactly(receiver, 1).get(0);
        assertThat(m.deliveryCount()).isEqualTo(attempt);
        m.abandon();
      }
      assertThat(receiver.receive(1, absenceWait())).isEmpty();
    }
    DeadLetter dead = awaitDeadLetter(queueWithSessions(), id);
    assertThat(dead.reason()).isEqualTo("MaxDeliveryCountExceeded");
    assertThat(dead.body()).isEqualTo("MSH|poison");
  }

  @Test
  void anUnsettledMessageGoesToTheNextReceiverWhenTheReceiverCloses() throws Exception {
    String session = freshSession();
    String id = "CRASH-" + UUID.randomUUID();
    publishOne(OutboundMessage.builder("MSH|crash").sessionId(session).messageId(id).build());
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      assertThat(receiveExactly(receiver, 1).get(0).messageId()).contains(id);
      // "crash": the receiver goes away without settling
    }
    try (SessionReceiver next = bus().receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(next, 1).get(0);
      assertThat(m.messageId()).contains(id);
      assertThat(m.body()).isEqualTo("MSH|crash");
      m.complete();
    }
  }

  // ---------------------------------------------------------------- message content

  @Test
  void bodyMessageIdSessionIdAndPropertiesSurvive() throws Exception {
    String session = freshSession();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("CorrelationId", UUID.randomUUID().toString());
    properties.put("MessageReceivedAt", "2025-05-05T10:30:00.123456+00:00");
    properties.put("SourceSystem", "");
    properties.put("MessageId", "store-row-42");
    properties.put("UpdateSources", "|252|109|");
    properties.put("ReasonDeath", "Café ☃ Ω");
    String body = "MSH|^~\\&|PHW|Ysbyty Gwynedd — ĉ ŵ ŷ|||\rPID|||123^^^NHS||Dŵr^Siân\r";
    Instant before = Instant.now().minusSeconds(60);
    publishOne(
        OutboundMessage.builder(body)
            .sessionId(session)
            .messageId("MSG-0001")
            .properties(properties)
            .build());
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      assertThat(m.body()).isEqualTo(body);
      assertThat(m.messageId()).contains("MSG-0001");
      assertThat(m.sessionId()).contains(session);
      assertThat(m.properties()).containsExactlyInAnyOrderEntriesOf(properties);
      assertThat(m.enqueuedTime()).isAfter(before).isBefore(Instant.now().plusSeconds(60));
      m.complete();
    }
  }

  @Test
  void aLargeBodyUnderTheLimitRoundTrips() throws Exception {
    String session = freshSession();
    String body = "A".repeat(maxMessageBytes() / 2);
    publishOne(message(session, body));
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      assertThat(m.body()).hasSize(body.length()).isEqualTo(body);
      m.complete();
    }
  }

  @Test
  void aQueueWithoutSessionsDeliversMessagesWithoutASessionId() throws Exception {
    Source plain = queueWithoutSessions();
    drain(plain);
    try (MessagePublisher publisher = bus().publisher(Destination.queue(plain.entity()))) {
      publisher.publish(OutboundMessage.builder("plain-1").messageId("P-1").build());
    }
    try (SessionReceiver receiver = bus().receiver(plain, Optional.empty())) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      assertThat(m.body()).isEqualTo("plain-1");
      assertThat(m.sessionId()).isEmpty();
      m.complete();
      assertThat(receiver.receive(1, absenceWait())).isEmpty();
    }
  }

  @Test
  void aTopicDeliversToItsSubscription() throws Exception {
    String session = freshSession();
    try (MessagePublisher publisher = bus().publisher(topic())) {
      publisher.publish(message(session, "to-subscribers"));
    }
    try (SessionReceiver receiver =
        bus().receiver(subscriptionWithSessions(), Optional.of(session))) {
      ReceivedMessage m = receiveExactly(receiver, 1).get(0);
      assertThat(m.body()).isEqualTo("to-subscribers");
      m.complete();
    }
  }

  // ---------------------------------------------------------------- batches and async sends

  @Test
  void aBatchArrivesWholeAndInOrder() throws Exception {
    String session = freshSession();
    List<OutboundMessage> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(message(session, "batch-" + i));
    }
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      publisher.publishBatch(batch);
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      List<ReceivedMessage> received = receiveExactly(receiver, 5);
      assertThat(received)
          .extracting(ReceivedMessage::body)
          .containsExactly("batch-0", "batch-1", "batch-2", "batch-3", "batch-4");
      for (ReceivedMessage m : received) {
        m.complete();
      }
    }
  }

  @Test
  void aFailedBatchIsAtomicOrSaysHowManyWereSent() throws Exception {
    String session = freshSession();
    List<OutboundMessage> batch =
        List.of(
            message(session, "good-0"),
            message(session, "good-1"),
            message(session, "X".repeat(maxMessageBytes() + 1)),
            message(session, "good-3"));
    Throwable failure;
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      failure = catchThrowable(() -> publisher.publishBatch(batch));
    }
    assertThat(failure).isInstanceOf(MessageBusException.class);
    int sent = failure instanceof BatchPublishException partial ? partial.sentCount() : 0;
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      List<ReceivedMessage> received = sent == 0 ? List.of() : receiveExactly(receiver, sent);
      assertThat(receiver.receive(10, absenceWait())).isEmpty();
      List<String> expected = List.of("good-0", "good-1").subList(0, Math.min(sent, 2));
      assertThat(received).extracting(ReceivedMessage::body).containsExactlyElementsOf(expected);
      for (ReceivedMessage m : received) {
        m.complete();
      }
    }
  }

  @Test
  void manyConcurrentAsyncPublishesAllArrive() throws Exception {
    String session = freshSession();
    int threads = 4;
    int perThread = 50;
    Set<String> expected = new HashSet<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        for (int i = 0; i < perThread; i++) {
          expected.add("async-" + thread + "-" + i);
        }
        submitted.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<Void>> futures = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    futures.add(
                        publisher.publishAsync(message(session, "async-" + thread + "-" + i)));
                  }
                  return futures;
                }));
      }
      for (Future<List<CompletableFuture<Void>>> batch : submitted) {
        for (CompletableFuture<Void> future : batch.get(30, TimeUnit.SECONDS)) {
          MessageBusException.await(future);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> received = new ArrayList<>();
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      for (ReceivedMessage m : receiveExactly(receiver, threads * perThread)) {
        received.add(m.body());
        m.complete();
      }
      assertThat(receiver.receive(1, absenceWait())).isEmpty();
    }
    assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void anUnknownEntityIsRefused() {
    String missing = "contract-missing-" + UUID.randomUUID();
    assertThatThrownBy(() -> bus().publisher(Destination.queue(missing)))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(() -> bus().publisher(Destination.topic(missing)))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(() -> bus().receiver(Source.queue(missing), Optional.empty()))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(
            () -> bus().receiver(Source.subscription(topic().name(), missing), Optional.of("s")))
        .isInstanceOf(UnknownDestinationException.class);
  }

  @Test
  void aSessionQueueRefusesMessagesAndReceiversWithoutASessionId() throws Exception {
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      assertThatThrownBy(() -> publisher.publish(OutboundMessage.builder("no session").build()))
          .isInstanceOf(SessionRequiredException.class);
    }
    assertThatThrownBy(() -> bus().receiver(queueWithSessions(), Optional.empty()))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void anOversizeBodyIsRefusedBeforeSending() throws Exception {
    String session = freshSession();
    OutboundMessage tooLarge = message(session, "Z".repeat(maxMessageBytes() + 1));
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      assertThatThrownBy(() -> publisher.publish(tooLarge))
          .isInstanceOf(MessageTooLargeException.class);
      assertThatThrownBy(() -> MessageBusException.await(publisher.publishAsync(tooLarge)))
          .isInstanceOf(MessageTooLargeException.class);
    }
    try (SessionReceiver receiver = bus().receiver(queueWithSessions(), Optional.of(session))) {
      assertThat(receiver.receive(1, absenceWait())).isEmpty();
    }
  }

  // ---------------------------------------------------------------- helpers

  protected final Destination sessionQueue() {
    return Destination.queue(queueWithSessions().entity());
  }

  protected static String freshSession() {
    return "contract-" + UUID.randomUUID();
  }

  protected static OutboundMessage message(String session, String body) {
    return OutboundMessage.builder(body).sessionId(session).build();
  }

  protected final void publishOne(OutboundMessage message) throws MessageBusException {
    try (MessagePublisher publisher = bus().publisher(sessionQueue())) {
      publisher.publish(message);
    }
  }

  /** Receives until {@code count} messages came or {@link #receiveWait()} passed. */
  protected final List<ReceivedMessage> receiveExactly(SessionReceiver receiver, int count)
      throws MessageBusException {
    List<ReceivedMessage> all = new ArrayList<>();
    long deadline = System.nanoTime() + receiveWait().toNanos();
    while (all.size() < count && System.nanoTime() < deadline) {
      long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      all.addAll(
          receiver.receive(count - all.size(), Duration.ofMillis(Math.min(1_000, leftMillis))));
    }
    assertThat(all).as("messages received from %s", receiver.source()).hasSize(count);
    return all;
  }

  /** Completes whatever is left on a non-session queue. */
  protected final void drain(Source source) throws MessageBusException {
    try (SessionReceiver receiver = bus().receiver(source, Optional.empty())) {
      List<ReceivedMessage> left;
      do {
        left = receiver.receive(50, Duration.ofMillis(200));
        for (ReceivedMessage m : left) {
          m.complete();
        }
      } while (!left.isEmpty());
    }
  }

  private DeadLetter awaitDeadLetter(Source source, String messageId) throws Exception {
    long deadline = System.nanoTime() + receiveWait().toNanos();
    while (true) {
      for (DeadLetter dead : deadLetters(source)) {
        if (dead.messageId().filter(messageId::equals).isPresent()) {
          return dead;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No dead letter with message id " + messageId + " in " + source);
      }
      Thread.sleep(100);
    }
  }
}
