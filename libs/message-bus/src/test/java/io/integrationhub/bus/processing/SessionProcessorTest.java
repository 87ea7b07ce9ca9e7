package io.integrationhub.bus.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.intThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.UnknownDestinationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processing loop against Mockito mocks of the bus port. Every bus call is recorded, in order,
 * in {@link #events}; the scripted receiver hands out {@link #script} one receive at a time (like a
 * broker, at most the number of messages asked for: the rest of that entry is handed out next).
 */
class SessionProcessorTest {
  private static final Source SOURCE = Source.queue("local-inthub-mpi-sender-ingress");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ProcessorOptions FAST =
      ProcessorOptions.builder()
          .receiveWait(Duration.ofMillis(10))
          .initialRetryDelay(Duration.ofMillis(10))
          .maxRetryDelay(Duration.ofMillis(40))
          .sessionUnavailableWait(Duration.ofMillis(10))
          .lockRenewalInterval(Duration.ofMillis(20))
          .stopTimeout(Duration.ofSeconds(5))
          .shutdownGrace(Duration.ofSeconds(5))
          .build();

  private final MessageBus bus = mock(MessageBus.class);
  private final SessionReceiver receiver = mock(SessionReceiver.class);
  private final ConcurrentLinkedDeque<List<ReceivedMessage>> script = new ConcurrentLinkedDeque<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Integer> requested = new CopyOnWriteArrayList<>();
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private SessionProcessor processor;

  private final ProcessorListener recordingListener =
      new ProcessorListener() {
        @Override
        public void onRetryScheduled(Duration delay, int attempt) {
          retries.add(delay.toMillis() + "ms#" + attempt);
        }
      };

  @BeforeEach
  void scriptTheReceiver() throws Exception {
    when(bus.receiver(any(), any())).thenReturn(receiver);
    when(receiver.lockDuration()).thenReturn(Duration.ofSeconds(60));
    when(receiver.receive(anyInt(), any())).thenAnswer(invocation -> scripted(invocation));
    doAnswer(record("renew")).when(receiver).renewLock();
    doAnswer(record("close")).when(receiver).close();
    doAnswer(
            invocation -> {
              List<ReceivedMessage> done = invocation.getArgument(0);
              events.add(
                  "completeAll "
                      + done.stream()
                          .map(SessionProcessorTest::id)
                          .collect(Collectors.joining(",")));
              return null;
            })
        .when(receiver)
        .completeAll(any());
  }

  @AfterEach
  void stopProcessor() {
    if (processor != null) {
      assertThat(processor.stop(Duration.ofSeconds(5))).isTrue();
      assertThat(processor.isRunning()).isFalse();
    }
  }

  // ------------------------------------------------------------------ outcomes

  @Test
  void completesMessagesOneAtATimeOnOneLongLivedReceiver() throws Exception {
    script.addAll(List.of(List.of(message("m1")), List.of(message("m2")), List.of(message("m3"))));

    start(builder().handler(m -> HandlerOutcome.completed()).options(withVirtualThread()));
    awaitEvent("complete m3");

    assertThat(busEvents())
        .containsExactly(
            "receive m1", "complete m1", "receive m2", "complete m2", "receive m3", "complete m3");
    verify(bus, times(1)).receiver(SOURCE, Optional.of("mpi"));
    verify(receiver, atLeastOnce()).receive(eq(1), any());
    verify(receiver, never()).receive(intThat(n -> n != 1), any());
    assertThat(processor.isRunning()).isTrue();
    assertThat(retries).isEmpty();
  }

  @Test
  void retryOutcomeAbandonsTheMessageAndTheRedeliveryIsProcessedAfterTheBackoff() throws Exception {
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));

    start(
        builder()
            .handler(
                m ->
                    delivery(m) == 1
                        ? HandlerOutcome.retry("mpi unavailable")
                        : HandlerOutcome.completed()));
    awaitEvent("complete m1");

    assertThat(busEvents())
        .containsExactly("receive m1", "abandon m1", "receive m1", "complete m1");
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void anExceptionFromTheHandlerIsARetry() throws Exception {
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));

    start(
        builder()
            .handler(
                m -> {
                  if (delivery(m) == 1) {
                    throw new IllegalStateException("a message that quotes patient data");
                  }
                  return HandlerOutcome.completed();
                }));
    awaitEvent("complete m1");

    assertThat(busEvents())
        .containsExactly("receive m1", "abandon m1", "receive m1", "complete m1");
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void aNullOutcomeIsARetry() throws Exception {
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));

    start(builder().handler(m -> delivery(m) == 1 ? null : HandlerOutcome.completed()));
    awaitEvent("complete m1");

    assertThat(busEvents())
        .containsExactly("receive m1", "abandon m1", "receive m1", "complete m1");
  }

  @Test
  void deadLetterOutcomeDeadLettersAtOnceAndTheSessionContinuesWithoutBackoff() throws Exception {
    script.addAll(List.of(List.of(message("m1")), List.of(message("m2"))));
    List<String> deadLettered = new CopyOnWriteArrayList<>();

    start(
        builder()
            .handler(
                m ->
                    id(m).equals("m1")
                        ? HandlerOutcome.deadLetter("ack-rejected", "MSA-1 was AR")
                        : HandlerOutcome.completed())
            .listener(
                new ProcessorListener() {
                  @Override
                  public void onDeadLettered(ReceivedMessage message, String reason) {
                    deadLettered.add(id(message) + ":" + reason);
                  }

                  @Override
                  public void onRetryScheduled(Duration delay, int attempt) {
                    retries.add(delay.toMillis() + "ms#" + attempt);
                  }
                }));
    awaitEvent("complete m2");

    assertThat(busEvents())
        .containsExactly(
            "receive m1", "deadLetter m1 ack-rejected/MSA-1 was AR", "receive m2", "complete m2");
    assertThat(deadLettered).containsExactly("m1:ack-rejected");
    assertThat(retries).isEmpty();
  }

  @Test
  void permanentMessageExceptionDeadLettersAndTheNextMessageStillFlows() throws Exception {
    script.addAll(List.of(List.of(message("m1")), List.of(message("m2"))));

    start(
        builder()
            .handler(
                m -> {
                  if (id(m).equals("m1")) {
                    throw new PermanentMessageException("malformed-hl7", "no MSH segment");
                  }
                  return HandlerOutcome.completed();
                }));
    awaitEvent("complete m2");

    assertThat(busEvents())
        .containsExactly(
            "receive m1",
            "deadLetter m1 malformed-hl7/no MSH segment",
            "receive m2",
            "complete m2");
    assertThat(retries).isEmpty();
  }

  // ------------------------------------------------------------------ backoff

  @Test
  void backoffEscalatesOnEachFailureAndResetsAfterASuccess() throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    script.addAll(
        List.of(List.of(m1), List.of(m1), List.of(m1), List.of(m1), List.of(m2), List.of(m2)));

    start(
        builder()
            .handler(
                m -> {
                  int delivery = delivery(m);
                  boolean fail = id(m).equals("m1") ? delivery <= 3 : delivery == 1;
                  return fail ? HandlerOutcome.retry("transient") : HandlerOutcome.completed();
                }));
    awaitEvent("complete m2");

    // 10, 20, 40 (the cap), success resets, then 10 again with attempt label 0.
    assertThat(retries).containsExactly("10ms#0", "20ms#1", "40ms#2", "10ms#0");
  }

  @Test
  void theBackoffGateHoldsTheNextReceiveAndKeepsTheSessionLocked() throws Exception {
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));
    AtomicLong abandonedAt = new AtomicLong();
    AtomicLong redeliveredAt = new AtomicLong();
    doAnswer(
            invocation -> {
              abandonedAt.set(System.nanoTime());
              events.add("abandon m1");
              return null;
            })
        .when(m1)
        .abandon();

    start(
        builder()
            .options(
                FAST.toBuilder()
                    .initialRetryDelay(Duration.ofMillis(200))
                    .maxRetryDelay(Duration.ofMillis(200))
                    .build())
            .handler(
                m -> {
                  if (delivery(m) == 1) {
                    return HandlerOutcome.retry("transient");
                  }
                  redeliveredAt.set(System.nanoTime());
                  return HandlerOutcome.completed();
                }));
    awaitEvent("complete m1");

    assertThat(Duration.ofNanos(redeliveredAt.get() - abandonedAt.get()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    List<String> during = between("abandon m1", "receive m1");
    assertThat(during).contains("renew");
  }

  // ------------------------------------------------------------------ batches

  @Test
  void aFailureInABatchAbandonsTheFailingAndEveryLaterMessageInOrderWithoutAttemptingThem()
      throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    ReceivedMessage m3 = message("m3");
    script.addAll(List.of(List.of(m1, m2, m3), List.of(m2, m3)));
    List<String> attempted = new CopyOnWriteArrayList<>();

    start(
        builder()
            .options(FAST.toBuilder().batchSize(3).build())
            .handler(
                m -> {
                  attempted.add(id(m) + "#" + delivery(m));
                  return id(m).equals("m2") && delivery(m) == 1
                      ? HandlerOutcome.retry("transient")
                      : HandlerOutcome.completed();
                }));
    awaitEvent("complete m3");

    // While the failure is pending only the failing head is received; then full batches again.
    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2,m3",
            "complete m1",
            "abandon m2",
            "abandon m3",
            "receive m2",
            "complete m2",
            "receive m3",
            "complete m3");
    assertThat(attempted).containsExactly("m1#1", "m2#1", "m2#2", "m3#2");
    assertThat(requested).containsExactly(3, 1, 3);
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void aBatchHandlersOutcomeAppliesToEveryMessageInOrder() throws Exception {
    script.addAll(
        List.of(
            List.of(message("m1"), message("m2")),
            List.of(message("m3"), message("m4")),
            List.of(message("m5"), message("m6"))));
    AtomicInteger batches = new AtomicInteger();

    start(
        builder()
            .options(FAST.toBuilder().batchSize(2).build())
            .batchHandler(
                messages -> {
                  assertThat(messages).hasSize(2);
                  return switch (batches.incrementAndGet()) {
                    case 1 -> HandlerOutcome.completed();
                    case 2 -> HandlerOutcome.deadLetter("store-rejected", "schema mismatch");
                    default -> throw new IllegalStateException("database down");
                  };
                }));
    awaitEvent("abandon m6");

    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2",
            "completeAll m1,m2",
            "receive m3,m4",
            "deadLetter m3 store-rejected/schema mismatch",
            "deadLetter m4 store-rejected/schema mismatch",
            "receive m5,m6",
            "abandon m5",
            "abandon m6");
  }

  @Test
  void aPermanentExceptionFromABatchHandlerDeadLettersTheBatch() throws Exception {
    script.add(List.of(message("m1"), message("m2")));

    start(
        builder()
            .options(FAST.toBuilder().batchSize(2).build())
            .batchHandler(
                messages -> {
                  throw new PermanentMessageException("bad-batch", "unreadable");
                }));
    awaitEvent("deadLetter m2 bad-batch/unreadable");

    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2",
            "deadLetter m1 bad-batch/unreadable",
            "deadLetter m2 bad-batch/unreadable");
  }

  @Test
  void whileAFailureIsPendingOnlyOneMessageIsReceivedThenFullBatchesResume() throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    script.addAll(List.of(List.of(m1, m2), List.of(m1, m2)));

    start(
        builder()
            .options(FAST.toBuilder().batchSize(10).build())
            .handler(
                m ->
                    id(m).equals("m1") && delivery(m) == 1
                        ? HandlerOutcome.retry("transient")
                        : HandlerOutcome.completed()));
    awaitEvent("complete m2");

    assertThat(requested).containsExactly(10, 1, 10);
    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2",
            "abandon m1",
            "abandon m2",
            "receive m1",
            "complete m1",
            "receive m2",
            "complete m2");
    verify(receiver, never()).receive(intThat(n -> n != 1 && n != 10), any());
  }

  @Test
  void aBusErrorAlsoLimitsTheNextReceiveToOneMessage() throws Exception {
    when(bus.receiver(any(), any()))
        .thenThrow(new UnknownDestinationException("no such queue"))
        .thenReturn(receiver);
    script.addAll(List.of(List.of(message("m1"), message("m2")), List.of(message("m3"))));

    start(
        builder()
            .options(FAST.toBuilder().batchSize(5).build())
            .handler(m -> HandlerOutcome.completed()));
    awaitEvent("complete m3");

    assertThat(requested).containsExactly(1, 5, 5);
    assertThat(busEvents())
        .containsExactly(
            "receive m1", "complete m1", "receive m2", "complete m2", "receive m3", "complete m3");
  }

  // ------------------------------------------------------------------ grouped completion

  @Test
  void withACompletionDelayTheCompletedMessagesOfAReceiveAreCompletedInOneSettlement()
      throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3"), message("m4"), message("m5")));
    List<String> completed = new CopyOnWriteArrayList<>();

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .listener(
                new ProcessorListener() {
                  @Override
                  public void onCompleted(ReceivedMessage message) {
                    completed.add(id(message) + " after " + events.get(events.size() - 1));
                  }
                })
            .handler(m -> HandlerOutcome.completed()));
    awaitTrue(() -> completed.size() == 5);

    assertThat(busEvents()).containsExactly("receive m1,m2,m3,m4,m5", "completeAll m1,m2,m3,m4,m5");
    assertThat(completed)
        .containsExactly(
            "m1 after completeAll m1,m2,m3,m4,m5",
            "m2 after completeAll m1,m2,m3,m4,m5",
            "m3 after completeAll m1,m2,m3,m4,m5",
            "m4 after completeAll m1,m2,m3,m4,m5",
            "m5 after completeAll m1,m2,m3,m4,m5");
  }

  @Test
  void aRetryFirstCompletesTheCompletedPrefixThenAbandonsTheRest() throws Exception {
    List<ReceivedMessage> five =
        List.of(message("m1"), message("m2"), message("m3"), message("m4"), message("m5"));
    script.add(five);

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .handler(
                m ->
                    id(m).equals("m3")
                        ? HandlerOutcome.retry("transient")
                        : HandlerOutcome.completed()));
    awaitEvent("abandon m5");
    awaitTrue(() -> !retries.isEmpty());

    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2,m3,m4,m5",
            "completeAll m1,m2",
            "abandon m3",
            "abandon m4",
            "abandon m5");
    for (ReceivedMessage message : five) {
      verify(message, never()).complete();
    }
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void aDeadLetterFirstCompletesTheCompletedPrefixAndTheNextGroupStartsAfterIt() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3"), message("m4")));

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .handler(
                m ->
                    id(m).equals("m2")
                        ? HandlerOutcome.deadLetter("poison", "never works")
                        : HandlerOutcome.completed()));
    awaitEvent("completeAll m3,m4");

    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2,m3,m4",
            "completeAll m1",
            "deadLetter m2 poison/never works",
            "completeAll m3,m4");
    assertThat(retries).isEmpty();
  }

  @Test
  void pendingCompletionsAreSettledOnceTheOldestHasWaitedTheDelay() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3")));

    start(
        builder()
            .options(grouped(Duration.ofMillis(20)))
            .handler(
                m -> {
                  if (id(m).equals("m2")) {
                    Thread.sleep(40);
                  }
                  return HandlerOutcome.completed();
                }));
    awaitEvent("completeAll m3");

    assertThat(busEvents())
        .containsExactly("receive m1,m2,m3", "completeAll m1,m2", "completeAll m3");
  }

  @Test
  void aFailedGroupCompletionAbandonsTheRestAndReopensTheReceiver() throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    ReceivedMessage m3 = message("m3");
    AtomicBoolean failed = new AtomicBoolean();
    doAnswer(
            invocation -> {
              List<ReceivedMessage> done = invocation.getArgument(0);
              String ids =
                  done.stream().map(SessionProcessorTest::id).collect(Collectors.joining(","));
              if (failed.compareAndSet(false, true)) {
                events.add("completeAll " + ids + " failed");
                throw new SettlementException("link detached");
              }
              events.add("completeAll " + ids);
              return null;
            })
        .when(receiver)
        .completeAll(any());
    script.addAll(List.of(List.of(m1, m2, m3), List.of(m1, m2, m3)));
    List<String> completed = new CopyOnWriteArrayList<>();

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .listener(
                new ProcessorListener() {
                  @Override
                  public void onCompleted(ReceivedMessage message) {
                    completed.add(id(message));
                  }

                  @Override
                  public void onRetryScheduled(Duration delay, int attempt) {
                    retries.add(delay.toMillis() + "ms#" + attempt);
                  }
                })
            .handler(
                m ->
                    id(m).equals("m3")
                        ? HandlerOutcome.deadLetter("poison", "never works")
                        : HandlerOutcome.completed()));
    awaitEvent("deadLetter m3 poison/never works");

    // The redelivery comes one message at a time while the failure is pending.
    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2,m3",
            "completeAll m1,m2 failed",
            "abandon m3",
            "close",
            "receive m1",
            "completeAll m1",
            "receive m2,m3",
            "completeAll m2",
            "deadLetter m3 poison/never works");
    assertThat(completed).containsExactly("m1", "m2");
    assertThat(retries).containsExactly("10ms#0");
    verify(bus, times(2)).receiver(SOURCE, Optional.of("mpi"));
  }

  @Test
  void stopCompletesThePendingMessagesBeforeAbandoningTheRest() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3")));
    CountDownLatch secondStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .handler(
                m -> {
                  if (id(m).equals("m2")) {
                    secondStarted.countDown();
                    release.await();
                  }
                  return HandlerOutcome.completed();
                }));
    assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Thread stopper = Thread.ofVirtual().start(() -> processor.stop(WAIT));
    awaitTrue(processor::stopRequested);
    release.countDown();
    stopper.join(WAIT);

    assertThat(busEvents())
        .containsExactly("receive m1,m2,m3", "completeAll m1,m2", "abandon m3", "close");
  }

  @Test
  void aHandlerOverrunningTheStopDeadlineStillLetsThePendingMessagesBeCompleted() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3")));
    CountDownLatch secondStarted = new CountDownLatch(1);

    start(
        builder()
            .options(grouped(Duration.ofHours(1)))
            .handler(
                m -> {
                  if (id(m).equals("m2")) {
                    secondStarted.countDown();
                    new CountDownLatch(1).await();
                  }
                  return HandlerOutcome.completed();
                }));
    assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(processor.stop(Duration.ofMillis(50))).isTrue();

    assertThat(busEvents())
        .containsExactly("receive m1,m2,m3", "completeAll m1", "abandon m2", "abandon m3", "close");
  }

  @Test
  void withoutACompletionDelayEachMessageIsCompletedAsSoonAsItsHandlerReturns() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3")));

    start(
        builder()
            .options(FAST.toBuilder().batchSize(3).build())
            .handler(m -> HandlerOutcome.completed()));
    awaitEvent("complete m3");

    assertThat(busEvents())
        .containsExactly("receive m1,m2,m3", "complete m1", "complete m2", "complete m3");
    verify(receiver, never()).completeAll(any());
  }

  // ------------------------------------------------------------------ lock renewal

  @Test
  void theLockIsRenewedWhileASlowHandlerRunsAndRenewalHasStoppedBeforeTheReceiverCloses()
      throws Exception {
    script.add(List.of(message("m1")));
    CountDownLatch renewedThreeTimes = new CountDownLatch(3);
    AtomicBoolean closed = new AtomicBoolean();
    AtomicBoolean renewedAfterClose = new AtomicBoolean();
    doAnswer(
            invocation -> {
              if (closed.get()) {
                renewedAfterClose.set(true);
              }
              events.add("renew");
              renewedThreeTimes.countDown();
              return null;
            })
        .when(receiver)
        .renewLock();
    doAnswer(
            invocation -> {
              closed.set(true);
              events.add("close");
              return null;
            })
        .when(receiver)
        .close();

    start(
        builder()
            .handler(
                m ->
                    renewedThreeTimes.await(10, TimeUnit.SECONDS)
                        ? HandlerOutcome.completed()
                        : HandlerOutcome.retry("no renewal seen")));
    awaitEvent("complete m1");
    assertThat(processor.stop(WAIT)).isTrue();

    assertThat(between("receive m1", "complete m1")).containsOnly("renew").hasSizeGreaterThan(2);
    assertThat(events.get(events.size() - 1)).isEqualTo("close");
    assertThat(renewedAfterClose).isFalse();
  }

  @Test
  void theRenewalIntervalDefaultsToAThirdOfTheLockDuration() throws Exception {
    when(receiver.lockDuration()).thenReturn(Duration.ofMillis(30));
    script.add(List.of(message("m1")));
    CountDownLatch renewed = new CountDownLatch(2);
    doAnswer(
            invocation -> {
              renewed.countDown();
              return null;
            })
        .when(receiver)
        .renewLock();

    start(
        builder()
            .options(FAST.toBuilder().lockRenewalInterval(null).build())
            .handler(
                m ->
                    renewed.await(10, TimeUnit.SECONDS)
                        ? HandlerOutcome.completed()
                        : HandlerOutcome.retry("no renewal")));
    awaitEvent("complete m1");
  }

  @Test
  void aFailingRenewalDoesNotStopTheHandler() throws Exception {
    script.add(List.of(message("m1")));
    CountDownLatch renewAttempted = new CountDownLatch(2);
    doAnswer(
            invocation -> {
              renewAttempted.countDown();
              throw new MessageBusException("link detached");
            })
        .when(receiver)
        .renewLock();

    start(
        builder()
            .handler(
                m -> {
                  renewAttempted.await(10, TimeUnit.SECONDS);
                  return HandlerOutcome.completed();
                }));
    awaitEvent("complete m1");
  }

  // ------------------------------------------------------------------ shutdown

  @Test
  void stopLetsTheRunningHandlerFinishSettlesItAndTakesNoNewMessage() throws Exception {
    script.addAll(List.of(List.of(message("m1")), List.of(message("m2"))));
    CountDownLatch handlerStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    start(
        builder()
            .handler(
                m -> {
                  handlerStarted.countDown();
                  release.await();
                  return HandlerOutcome.completed();
                }));
    assertThat(handlerStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Thread stopper = Thread.ofVirtual().start(() -> processor.stop(WAIT));
    awaitTrue(processor::stopRequested);
    release.countDown();
    stopper.join(WAIT);

    assertThat(busEvents()).containsExactly("receive m1", "complete m1", "close");
    assertThat(script).hasSize(1);
    assertThat(processor.isRunning()).isFalse();
  }

  @Test
  void aHandlerThatOverrunsTheStopDeadlineIsInterruptedAndItsMessageAbandoned() throws Exception {
    script.add(List.of(message("m1")));
    CountDownLatch handlerStarted = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();

    start(
        builder()
            .handler(
                m -> {
                  handlerStarted.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                  }
                  return HandlerOutcome.completed();
                }));
    assertThat(handlerStarted.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(processor.stop(Duration.ofMillis(50))).isTrue();

    assertThat(busEvents()).containsExactly("receive m1", "abandon m1", "close");
    awaitTrue(interrupted::get);
  }

  @Test
  void stopDuringABatchSettlesTheRunningMessageAndAbandonsTheRestInOrder() throws Exception {
    script.add(List.of(message("m1"), message("m2"), message("m3")));
    CountDownLatch handlerStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> attempted = new CopyOnWriteArrayList<>();

    start(
        builder()
            .options(FAST.toBuilder().batchSize(3).build())
            .handler(
                m -> {
                  attempted.add(id(m));
                  handlerStarted.countDown();
                  release.await();
                  return HandlerOutcome.completed();
                }));
    assertThat(handlerStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Thread stopper = Thread.ofVirtual().start(() -> processor.stop(WAIT));
    awaitTrue(processor::stopRequested);
    release.countDown();
    stopper.join(WAIT);

    assertThat(busEvents())
        .containsExactly("receive m1,m2,m3", "complete m1", "abandon m2", "abandon m3", "close");
    assertThat(attempted).containsExactly("m1");
  }

  @Test
  void messagesThatArriveAfterTheStopAreAbandonedWithoutBeingAttempted() throws Exception {
    ReceivedMessage m1 = message("m1");
    AtomicInteger handled = new AtomicInteger();
    when(receiver.receive(anyInt(), any()))
        .thenAnswer(
            invocation -> {
              // The stop arrives while the receive is waiting.
              processor.stop(Duration.ZERO);
              events.add("receive m1");
              return List.of(m1);
            });

    start(
        builder()
            .handler(
                m -> {
                  handled.incrementAndGet();
                  return HandlerOutcome.completed();
                }));
    awaitTrue(() -> !processor.isRunning());

    assertThat(busEvents()).containsExactly("receive m1", "abandon m1", "close");
    assertThat(handled).hasValue(0);
  }

  @Test
  void aStopTheLoopThreadGetsByInterruptIsImmediate() throws Exception {
    script.add(List.of(message("m1")));
    CountDownLatch handlerStarted = new CountDownLatch(1);
    AtomicBoolean interruptedHandler = new AtomicBoolean();
    start(
        builder()
            .handler(
                m -> {
                  handlerStarted.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    interruptedHandler.set(true);
                  }
                  return HandlerOutcome.completed();
                }));
    assertThat(handlerStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Thread loop =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("bus-processor-" + SOURCE.label()))
            .findFirst()
            .orElseThrow();
    loop.interrupt();
    awaitTrue(() -> !processor.isRunning());

    assertThat(busEvents()).containsExactly("receive m1", "abandon m1", "close");
    awaitTrue(interruptedHandler::get);
  }

  @Test
  void lifecycleRules() {
    processor = builder().handler(m -> HandlerOutcome.completed()).build();
    assertThat(processor.isRunning()).isFalse();
    assertThat(processor.source()).isEqualTo(SOURCE);
    assertThat(processor.sessionId()).contains("mpi");
    processor.start();
    assertThatThrownBy(processor::start).isInstanceOf(IllegalStateException.class);
    processor.close();
    assertThat(processor.isRunning()).isFalse();

    SessionProcessor stoppedFirst = builder().handler(m -> HandlerOutcome.completed()).build();
    assertThat(stoppedFirst.stop(Duration.ZERO)).isTrue();
    assertThatThrownBy(stoppedFirst::start).isInstanceOf(IllegalStateException.class);

    assertThatThrownBy(() -> SessionProcessor.builder(bus, SOURCE).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                SessionProcessor.builder(bus, SOURCE)
                    .handler(m -> HandlerOutcome.completed())
                    .batchHandler(ms -> HandlerOutcome.completed())
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            SessionProcessor.builder(bus, SOURCE)
                .sessionId(" ")
                .handler(m -> HandlerOutcome.completed())
                .build()
                .sessionId())
        .isEmpty();
  }

  // ------------------------------------------------------------------ bus errors

  @Test
  void aSessionHeldElsewhereIsWaitedOutWithoutEscalatingTheBackoff() throws Exception {
    when(bus.receiver(any(), any()))
        .thenThrow(new SessionUnavailableException("session mpi is locked"))
        .thenThrow(new SessionUnavailableException("session mpi is locked"))
        .thenReturn(receiver);
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));

    start(
        builder()
            .handler(
                m ->
                    delivery(m) == 1
                        ? HandlerOutcome.retry("transient")
                        : HandlerOutcome.completed()));
    awaitEvent("complete m1");

    verify(bus, times(3)).receiver(SOURCE, Optional.of("mpi"));
    // The first real failure still gets the initial delay and attempt label 0.
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void aReceiverThatCannotBeOpenedIsRetriedWithBackoff() throws Exception {
    when(bus.receiver(any(), any()))
        .thenThrow(new UnknownDestinationException("no such queue"))
        .thenReturn(receiver);
    script.add(List.of(message("m1")));

    start(builder().handler(m -> HandlerOutcome.completed()));
    awaitEvent("complete m1");

    assertThat(retries).containsExactly("10ms#0");
    verify(bus, times(2)).receiver(SOURCE, Optional.of("mpi"));
  }

  @Test
  void aReceiveErrorClosesAndReopensTheReceiverAfterTheBackoff() throws Exception {
    ReceivedMessage m1 = message("m1");
    AtomicBoolean failed = new AtomicBoolean();
    when(receiver.receive(anyInt(), any()))
        .thenAnswer(
            invocation -> {
              if (failed.compareAndSet(false, true)) {
                events.add("receive failed");
                throw new MessageBusException("link detached");
              }
              return scripted(invocation);
            });
    script.add(List.of(m1));

    start(builder().handler(m -> HandlerOutcome.completed()));
    awaitEvent("complete m1");

    assertThat(busEvents()).containsExactly("receive failed", "close", "receive m1", "complete m1");
    assertThat(retries).containsExactly("10ms#0");
    verify(bus, times(2)).receiver(SOURCE, Optional.of("mpi"));
  }

  @Test
  void aFailedCompletionReopensTheReceiverAndTheRedeliveredMessageIsProcessedAgain()
      throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    AtomicBoolean lockLost = new AtomicBoolean();
    doAnswer(
            invocation -> {
              if (lockLost.compareAndSet(false, true)) {
                events.add("complete m1 failed");
                throw new SettlementException("lock lost");
              }
              events.add("complete m1");
              return null;
            })
        .when(m1)
        .complete();
    script.addAll(List.of(List.of(m1, m2), List.of(m1, m2)));

    start(
        builder()
            .options(FAST.toBuilder().batchSize(2).build())
            .handler(m -> HandlerOutcome.completed()));
    awaitEvent("complete m2");

    assertThat(busEvents())
        .containsExactly(
            "receive m1,m2",
            "complete m1 failed",
            "abandon m2",
            "close",
            "receive m1",
            "complete m1",
            "receive m2",
            "complete m2");
    assertThat(retries).containsExactly("10ms#0");
  }

  @Test
  void aFailedAbandonOrDeadLetterAlsoReopensTheReceiver() throws Exception {
    ReceivedMessage m1 = message("m1");
    ReceivedMessage m2 = message("m2");
    doAnswer(
            invocation -> {
              events.add("abandon m1 failed");
              throw new SettlementException("lock lost");
            })
        .when(m1)
        .abandon();
    doAnswer(
            invocation -> {
              events.add("deadLetter m2 failed");
              throw new SettlementException("lock lost");
            })
        .when(m2)
        .deadLetter(anyString(), anyString());
    script.addAll(List.of(List.of(m1), List.of(m2)));

    start(
        builder()
            .handler(
                m ->
                    id(m).equals("m1")
                        ? HandlerOutcome.retry("transient")
                        : HandlerOutcome.deadLetter("poison", "never works")));
    awaitEvent("deadLetter m2 failed");
    awaitTrue(() -> retries.size() == 2);

    assertThat(busEvents())
        .containsExactly(
            "receive m1",
            "abandon m1 failed",
            "close",
            "receive m2",
            "deadLetter m2 failed",
            "close");
    verify(bus, atLeast(2)).receiver(SOURCE, Optional.of("mpi"));
  }

  @Test
  void aFailedRenewalDuringTheBackoffClosesTheReceiverAndItIsReopened() throws Exception {
    ReceivedMessage m1 = message("m1");
    script.addAll(List.of(List.of(m1), List.of(m1)));
    doAnswer(
            invocation -> {
              events.add("renew failed");
              throw new SessionUnavailableException("session lock lost");
            })
        .when(receiver)
        .renewLock();

    start(
        builder()
            .options(
                FAST.toBuilder()
                    .initialRetryDelay(Duration.ofMillis(100))
                    .maxRetryDelay(Duration.ofMillis(100))
                    .build())
            .handler(
                m ->
                    delivery(m) == 1
                        ? HandlerOutcome.retry("transient")
                        : HandlerOutcome.completed()));
    awaitEvent("complete m1");

    assertThat(busEvents())
        .containsExactly(
            "receive m1", "abandon m1", "renew failed", "close", "receive m1", "complete m1");
    verify(bus, times(2)).receiver(SOURCE, Optional.of("mpi"));
  }

  @Test
  void listenerFailuresNeverChangeAnOutcome() throws Exception {
    ReceivedMessage m3 = message("m3");
    script.addAll(
        List.of(List.of(message("m1")), List.of(message("m2")), List.of(m3), List.of(m3)));
    ProcessorListener broken =
        new ProcessorListener() {
          @Override
          public void onCompleted(ReceivedMessage message) {
            throw new IllegalStateException("metrics exporter down");
          }

          @Override
          public void onDeadLettered(ReceivedMessage message, String reason) {
            throw new NoClassDefFoundError("io/opentelemetry/api/GlobalOpenTelemetry");
          }

          @Override
          public void onRetryScheduled(Duration delay, int attempt) {
            throw new IllegalStateException("metrics exporter down");
          }
        };

    start(
        builder()
            .listener(broken)
            .handler(
                m ->
                    switch (id(m)) {
                      case "m1" -> HandlerOutcome.completed();
                      case "m2" -> HandlerOutcome.deadLetter("poison", "never works");
                      default ->
                          delivery(m) == 1
                              ? HandlerOutcome.retry("transient")
                              : HandlerOutcome.completed();
                    }));
    awaitEvent("complete m3");

    assertThat(busEvents())
        .containsExactly(
            "receive m1",
            "complete m1",
            "receive m2",
            "deadLetter m2 poison/never works",
            "receive m3",
            "abandon m3",
            "receive m3",
            "complete m3");
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The scripted receive: the next entry of {@link #script}, cut to the number of messages asked
   * for (the rest stays first in the script, as on a broker); records the number asked for.
   */
  private List<ReceivedMessage> scripted(org.mockito.invocation.InvocationOnMock invocation)
      throws InterruptedException {
    int maxMessages = invocation.getArgument(0);
    List<ReceivedMessage> next = script.poll();
    if (next == null) {
      Thread.sleep(2);
      return List.of();
    }
    if (next.size() > maxMessages) {
      script.addFirst(next.subList(maxMessages, next.size()));
      next = next.subList(0, maxMessages);
    }
    requested.add(maxMessages);
    events.add("receive " + ids(next));
    return next;
  }

  private SessionProcessor.Builder builder() {
    return SessionProcessor.builder(bus, SOURCE)
        .sessionId(Optional.of("mpi"))
        .options(FAST)
        .listener(recordingListener);
  }

  private static ProcessorOptions grouped(Duration maxCompletionDelay) {
    return FAST.toBuilder().batchSize(10).maxCompletionDelay(maxCompletionDelay).build();
  }

  private static ProcessorOptions withVirtualThread() {
    return FAST.toBuilder().virtualThread(true).build();
  }

  private void start(SessionProcessor.Builder builder) {
    processor = builder.build();
    processor.start();
  }

  private ReceivedMessage message(String id) throws Exception {
    ReceivedMessage message = mock(ReceivedMessage.class);
    when(message.messageId()).thenReturn(Optional.of(id));
    when(message.body()).thenReturn("MSH|^~\\&|" + id);
    when(message.deliveryCount()).thenAnswer(invocation -> deliveries(id).get());
    doAnswer(record("complete " + id)).when(message).complete();
    doAnswer(record("abandon " + id)).when(message).abandon();
    doAnswer(
            invocation -> {
              events.add(
                  "deadLetter "
                      + id
                      + " "
                      + invocation.getArgument(0)
                      + "/"
                      + invocation.getArgument(1));
              return null;
            })
        .when(message)
        .deadLetter(anyString(), anyString());
    return message;
  }

  /** The delivery number of this receive of the message: 1, 2, ... */
  private int delivery(ReceivedMessage message) {
    return message.deliveryCount();
  }

  private AtomicInteger deliveries(String id) {
    return deliveries.computeIfAbsent(id, k -> new AtomicInteger());
  }

  private String ids(List<ReceivedMessage> messages) {
    messages.forEach(m -> deliveries(id(m)).incrementAndGet());
    return messages.stream().map(SessionProcessorTest::id).collect(Collectors.joining(","));
  }

  private static String id(ReceivedMessage message) {
    return message.messageId().orElseThrow();
  }

  private org.mockito.stubbing.Answer<Object> record(String event) {
    return invocation -> {
      events.add(event);
      return null;
    };
  }

  /** The recorded events without lock renewals. */
  private List<String> busEvents() {
    return events.stream().filter(e -> !e.equals("renew")).toList();
  }

  /** The events strictly between the first {@code from} and the next {@code to}. */
  private List<String> between(String from, String to) {
    List<String> snapshot = new ArrayList<>(events);
    int start = snapshot.indexOf(from);
    assertThat(start).as("event %s", from).isNotNegative();
    int end = start + 1;
    while (end < snapshot.size() && !snapshot.get(end).equals(to)) {
      end++;
    }
    assertThat(end).as("event %s after %s", to, from).isLessThan(snapshot.size());
    return snapshot.subList(start + 1, end);
  }

  private void awaitEvent(String event) throws InterruptedException {
    awaitTrue(() -> events.contains(event));
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition not met in time").isNegative();
      Thread.sleep(2);
    }
  }
}
