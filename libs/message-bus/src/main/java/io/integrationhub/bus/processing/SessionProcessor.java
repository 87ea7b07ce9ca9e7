package io.integrationhub.bus.processing;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing loop for one source and one session id (or none) on one {@link MessageBus}.
 *
 * <p>It keeps one receiver open for as long as it runs (re-opened only after a bus error), receives
 * one message at a time by default, gives it to the handler, and settles it exactly once from the
 * outcome: {@link HandlerOutcome#completed() completed} completes it; {@link
 * HandlerOutcome#retry(String) retry} (or any exception) abandons it, and every later message of
 * the same receive, in order, and waits the {@link Backoff} before the next receive; {@link
 * HandlerOutcome#deadLetter(String, String) dead-letter} (or a {@link PermanentMessageException})
 * dead-letters it and goes on with the next message at once.
 *
 * <p>While a failure is pending (the {@link Backoff} has recorded one since the last receive whose
 * messages were all settled), a receive takes at most one message whatever {@link
 * ProcessorOptions#batchSize()}: the messages behind a failing head are then never received, held
 * and abandoned (their delivery count raised) without being attempted. A fully settled receive
 * resets the backoff, and full batches resume.
 *
 * <p>Grouped completion ({@link ProcessorOptions#maxCompletionDelay()} positive; per-message
 * handlers only): completed messages are collected and completed together with {@link
 * SessionReceiver#completeAll} (one commit on Artemis) instead of one by one, at the latest when
 * the oldest of them has waited {@code maxCompletionDelay} (checked each time a handler returns),
 * before a message is abandoned or dead-lettered (the completed prefix is settled first), at the
 * end of the receive, and at shutdown. The trade-off: far fewer commits, so much higher throughput
 * on a durable broker, against a crash window: if the process dies, messages already handled but
 * not yet completed (those of the last {@code maxCompletionDelay}, plus the run time of the handler
 * then running) are delivered again. A failed group completion is handled like any failed
 * settlement: the rest of the receive is abandoned, the receiver re-opened, and the group
 * redelivered (at-least-once).
 *
 * <p>While a handler works, and while the loop backs off, the loop thread renews the receiver's
 * lock every {@link ProcessorOptions#lockRenewalInterval()} (default: a third of the lock
 * duration). Renewal is done by the loop thread itself, so it can never overlap a settlement or the
 * receiver's close: it has always stopped before the receiver is closed.
 *
 * <p>{@link #stop(Duration)} stops taking messages; a handler still running may finish until the
 * deadline and its message is then settled from its outcome; a handler that overruns the deadline
 * is interrupted and its message abandoned (it will be redelivered: the handler's work may be
 * repeated). Messages of the batch not yet attempted are abandoned in order, then the receiver is
 * closed. Messages are never half-settled.
 */
public final class SessionProcessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionProcessor.class);
  private static final Duration FALLBACK_LOCK_DURATION = Duration.ofSeconds(60);
  private static final long MIN_RENEWAL_NANOS = Duration.ofMillis(1).toNanos();

  private final MessageBus bus;
  private final Source source;
  private final Optional<String> sessionId;
  private final Optional<MessageHandler> messageHandler;
  private final Optional<BatchHandler> batchHandler;
  private final ProcessorOptions options;
  private final ProcessorListener listener;
  private final String label;
  private final ThreadFactory handlerThreads;
  private final long completionDelayNanos;

  private final Wakeup wakeup = new Wakeup();
  private final Object stopLock = new Object();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile long stopDeadlineNanos;
  private volatile boolean running;
  private volatile Thread loopThread;

  // Owned by the loop thread.
  private final Backoff backoff;
  private SessionReceiver receiver;
  private long renewalIntervalNanos;
  private boolean gateClosed;
  private long gateOpensAtNanos;

  private SessionProcessor(Builder builder) {
    this.bus = Objects.requireNonNull(builder.bus, "bus");
    this.source = Objects.requireNonNull(builder.source, "source");
    this.sessionId = builder.sessionId;
    this.messageHandler = Optional.ofNullable(builder.messageHandler);
    this.batchHandler = Optional.ofNullable(builder.batchHandler);
    if (messageHandler.isPresent() == batchHandler.isPresent()) {
      throw new IllegalArgumentException("Give exactly one of a MessageHandler or a BatchHandler");
    }
    this.options = Objects.requireNonNull(builder.options, "options");
    this.listener = Objects.requireNonNull(builder.listener, "listener");
    this.label = source.label() + sessionId.map(id -> " (session " + id + ")").orElse("");
    this.backoff = new Backoff(options.initialRetryDelay(), options.maxRetryDelay());
    this.handlerThreads =
        Thread.ofVirtual().name("bus-handler-" + source.label() + "-", 0).factory();
    this.renewalIntervalNanos = renewalInterval(FALLBACK_LOCK_DURATION);
    this.completionDelayNanos = nanos(options.maxCompletionDelay());
  }

  /**
   * Starts building a processor for a queue or subscription.
   *
   * @param bus the bus to receive from
   * @param source the queue, or topic subscription
   * @return a builder; set a handler, then {@link Builder#build()}
   */
  public static Builder builder(MessageBus bus, Source source) {
    return new Builder(bus, source);
  }

  public Source source() {
    return source;
  }

  public Optional<String> sessionId() {
    return sessionId;
  }

  /** Starts the loop on its own thread. A processor runs once: it cannot be restarted. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("Processor for " + label + " was already started");
    }
    if (stopRequested) {
      throw new IllegalStateException("Processor for " + label + " was stopped before it started");
    }
    running = true;
    Thread.Builder threads =
        options.virtualThread() ? Thread.ofVirtual() : Thread.ofPlatform().daemon(false);
    Thread thread = threads.name("bus-processor-" + source.label()).unstarted(this::runLoop);
    loopThread = thread;
    thread.start();
  }

  /** True from {@link #start()} until the loop has ended and closed its receiver. */
  public boolean isRunning() {
    return running;
  }

  /**
   * Stops the loop and waits for it to end: no new message is taken; a running handler may finish
   * until {@code timeout} and its message is settled, otherwise it is interrupted and its message
   * abandoned; the rest of the batch is abandoned; the receiver is closed.
   *
   * @param timeout how long a running handler may still take
   * @return true if the loop ended within {@code timeout} plus {@link
   *     ProcessorOptions#shutdownGrace()}
   */
  public boolean stop(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    requestStop(timeout);
    Thread thread = loopThread;
    if (thread == null) {
      return true;
    }
    if (thread == Thread.currentThread()) {
      return false;
    }
    try {
      if (!thread.join(timeout.plus(options.shutdownGrace()))) {
        log.warn("Processing {}: the loop did not end within {} after the stop", label, timeout);
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@link #stop(Duration)} with {@link ProcessorOptions#stopTimeout()}. */
  @Override
  public void close() {
    stop(options.stopTimeout());
  }

  private void requestStop(Duration timeout) {
    synchronized (stopLock) {
      if (!stopRequested) {
        stopDeadlineNanos = System.nanoTime() + nanos(timeout);
        stopRequested = true;
        log.info("Processing {}: stop requested (in-flight handler may take {})", label, timeout);
      }
    }
    wakeup.signal();
  }

  /** Whether a stop was requested (visible for tests). */
  boolean stopRequested() {
    return stopRequested;
  }

  // ---------------------------------------------------------------- the loop (loop thread only)

  private void runLoop() {
    log.info(
        "Processing {} started ({} handler, up to {} message(s) per receive, completion delay {})",
        label,
        messageHandler.isPresent() ? "per-message" : "batch",
        options.batchSize(),
        options.maxCompletionDelay());
    try {
      while (!stopRequested()) {
        try {
          cycle();
        } catch (RuntimeException e) {
          // Defensive: every bus call is guarded; this is a defect. Unsettled messages go back to
          // the bus when the receiver closes.
          log.error("Processing {}: unexpected error in the loop: {}", label, describe(e));
          log.debug("Unexpected processing-loop error", e);
          closeReceiver();
          scheduleRetry("unexpected error in the processing loop");
        }
      }
    } catch (Error e) {
      log.error("Processing {}: the loop died: {}", label, describe(e));
      throw e;
    } finally {
      closeReceiver();
      running = false;
      log.info("Processing {} stopped", label);
    }
  }

  private void cycle() {
    if (!passBackoffGate() || (receiver == null && !openReceiver())) {
      return;
    }
    List<ReceivedMessage> messages;
    try {
      messages = receiver.receive(receiveLimit(), options.receiveWait());
    } catch (MessageBusException | RuntimeException e) {
      log.warn("Processing {}: receive failed: {}", label, describe(e));
      closeReceiver();
      scheduleRetry("receive failed");
      return;
    }
    if (messages == null || messages.isEmpty()) {
      return;
    }
    if (stopRequested()) {
      abandonFrom(messages, 0, "shutting down");
      return;
    }
    CycleResult result =
        messageHandler.isPresent()
            ? processEach(messages, messageHandler.get())
            : processBatch(messages, batchHandler.orElseThrow());
    switch (result) {
      case SETTLED -> {
        if (backoff.attempt() > 0) {
          log.info("Processing {}: recovered after {} failure(s)", label, backoff.attempt());
        }
        backoff.onSuccess();
      }
      case RETRY -> scheduleRetry("handler asked for a retry");
      case BUS_ERROR -> {
        closeReceiver();
        scheduleRetry("settlement failed");
      }
      case STOPPED -> {
        // The loop condition ends the loop.
      }
    }
  }

  /**
   * One message while a failure is pending, so that messages behind a failing head are not held and
   * abandoned unattempted (raising their delivery count); else the batch size.
   */
  private int receiveLimit() {
    return backoff.attempt() > 0 ? 1 : options.batchSize();
  }

  private enum CycleResult {
    /** Every message was completed or dead-lettered. */
    SETTLED,
    /** A handler asked for a retry; that message and the rest were abandoned. */
    RETRY,
    /** A settlement failed; the receiver must be re-opened. */
    BUS_ERROR,
    /** Shutdown: the unsettled messages were abandoned. */
    STOPPED
  }

  private CycleResult processEach(List<ReceivedMessage> messages, MessageHandler handler) {
    PendingCompletions pending = new PendingCompletions();
    for (int i = 0; i < messages.size(); i++) {
      ReceivedMessage message = messages.get(i);
      if (i > 0 && stopRequested()) {
        return stopFrom(messages, i, pending, "shutting down");
      }
      Optional<HandlerOutcome> outcome = runHandler(() -> handler.handle(message));
      if (outcome.isEmpty()) {
        log.warn(
            "Processing {}: handler of {} overran the shutdown deadline; abandoning it (it will be"
                + " redelivered and the handler's work may be repeated)",
            label,
            describe(message));
        return stopFrom(messages, i, pending, "shutdown deadline");
      }
      if (completionDelayNanos > 0 && outcome.get() instanceof HandlerOutcome.Completed) {
        pending.add(message);
        if (pending.olderThan(completionDelayNanos) && !completeTogether(pending.drain())) {
          return abandonAfterFailure(messages, i + 1);
        }
        continue;
      }
      // The completed prefix must be settled before this message is abandoned or dead-lettered.
      if (!completeTogether(pending.drain())) {
        return abandonAfterFailure(messages, i);
      }
      Optional<CycleResult> stop = settle(messages, i, outcome.get());
      if (stop.isPresent()) {
        return stop.get();
      }
    }
    return completeTogether(pending.drain()) ? CycleResult.SETTLED : CycleResult.BUS_ERROR;
  }

  /**
   * Shutdown mid-receive: completes what is pending, then abandons message {@code from} onwards.
   */
  private CycleResult stopFrom(
      List<ReceivedMessage> messages, int from, PendingCompletions pending, String why) {
    completeTogether(pending.drain());
    abandonFrom(messages, from, why);
    return CycleResult.STOPPED;
  }

  private CycleResult processBatch(List<ReceivedMessage> messages, BatchHandler handler) {
    List<ReceivedMessage> batch = List.copyOf(messages);
    Optional<HandlerOutcome> outcome = runHandler(() -> handler.handle(batch));
    if (outcome.isEmpty()) {
      log.warn(
          "Processing {}: batch handler overran the shutdown deadline; abandoning {} message(s)",
          label,
          batch.size());
      abandonFrom(batch, 0, "shutdown deadline");
      return CycleResult.STOPPED;
    }
    if (outcome.get() instanceof HandlerOutcome.Completed) {
      return completeTogether(batch) ? CycleResult.SETTLED : CycleResult.BUS_ERROR;
    }
    for (int i = 0; i < batch.size(); i++) {
      Optional<CycleResult> stop = settle(batch, i, outcome.get());
      if (stop.isPresent()) {
        return stop.get();
      }
    }
    return CycleResult.SETTLED;
  }

  /**
   * Completes {@code group} in one settlement (one commit on Artemis), then tells the listener.
   *
   * @return false (logged) when the settlement failed: none of the group is known to be completed,
   *     they will be redelivered
   */
  private boolean completeTogether(List<ReceivedMessage> group) {
    if (group.isEmpty()) {
      return true;
    }
    try {
      receiver.completeAll(group);
    } catch (MessageBusException | RuntimeException e) {
      log.warn(
          "Processing {}: completing {} message(s) up to {} failed: {}; they will be redelivered"
              + " (at-least-once), re-opening the receiver",
          label,
          group.size(),
          describe(group.get(group.size() - 1)),
          describe(e));
      return false;
    }
    log.debug("Processing {}: completed {} message(s) together", label, group.size());
    for (ReceivedMessage message : group) {
      notifyListener("onCompleted", () -> listener.onCompleted(message));
    }
    return true;
  }

  /**
   * Settles message {@code index} from the outcome.
   *
   * @return empty to go on with the next message, else how the cycle ended
   */
  private Optional<CycleResult> settle(
      List<ReceivedMessage> messages, int index, HandlerOutcome outcome) {
    ReceivedMessage message = messages.get(index);
    switch (outcome) {
      case HandlerOutcome.Retry retry -> {
        log.warn(
            "Processing {}: {} failed ({}); abandoning it and {} later message(s) of the batch",
            label,
            describe(message),
            retry.reason(),
            messages.size() - index - 1);
        return Optional.of(
            abandonFrom(messages, index, retry.reason())
                ? CycleResult.RETRY
                : CycleResult.BUS_ERROR);
      }
      case HandlerOutcome.DeadLetter deadLetter -> {
        try {
          message.deadLetter(deadLetter.reason(), deadLetter.description());
        } catch (MessageBusException | RuntimeException e) {
          return Optional.of(settlementFailed("dead-letter", messages, index, e));
        }
        log.warn(
            "Processing {}: {} dead-lettered: {} - {}",
            label,
            describe(message),
            deadLetter.reason(),
            deadLetter.description());
        notifyListener(
            "onDeadLettered", () -> listener.onDeadLettered(message, deadLetter.reason()));
        return Optional.empty();
      }
      case HandlerOutcome.Completed completed -> {
        try {
          message.complete();
        } catch (MessageBusException | RuntimeException e) {
          return Optional.of(settlementFailed("complete", messages, index, e));
        }
        log.debug("Processing {}: {} completed", label, describe(message));
        notifyListener("onCompleted", () -> listener.onCompleted(message));
        return Optional.empty();
      }
    }
  }

  private CycleResult settlementFailed(
      String action, List<ReceivedMessage> messages, int index, Exception error) {
    log.warn(
        "Processing {}: {} of {} failed: {}; it will be redelivered (at-least-once), re-opening the"
            + " receiver",
        label,
        action,
        describe(messages.get(index)),
        describe(error));
    return abandonAfterFailure(messages, index + 1);
  }

  /**
   * After a failed settlement: abandons message {@code from} onwards; the receiver is re-opened.
   */
  private CycleResult abandonAfterFailure(List<ReceivedMessage> messages, int from) {
    abandonFrom(messages, from, "an earlier settlement failed");
    return CycleResult.BUS_ERROR;
  }

  /**
   * Abandons messages {@code from} to the end, in order; a failure is logged and the rest are still
   * tried.
   *
   * @return true if every abandon succeeded
   */
  private boolean abandonFrom(List<ReceivedMessage> messages, int from, String why) {
    boolean allAbandoned = true;
    for (int i = from; i < messages.size(); i++) {
      ReceivedMessage message = messages.get(i);
      try {
        message.abandon();
        log.debug("Processing {}: {} abandoned ({})", label, describe(message), why);
      } catch (MessageBusException | RuntimeException e) {
        allAbandoned = false;
        log.warn(
            "Processing {}: abandon of {} failed: {}; it returns to the bus when its lock expires",
            label,
            describe(message),
            describe(e));
      }
    }
    return allAbandoned;
  }

  /**
   * Runs the handler on its own virtual thread while this (loop) thread renews the lock and watches
   * the shutdown deadline.
   *
   * @return the outcome, or empty when the handler overran the shutdown deadline (it was
   *     interrupted and its outcome will be ignored)
   */
  private Optional<HandlerOutcome> runHandler(Callable<HandlerOutcome> task) {
    CompletableFuture<HandlerOutcome> result = new CompletableFuture<>();
    Thread worker =
        handlerThreads.newThread(
            () -> {
              result.complete(invoke(task));
              wakeup.signal();
            });
    worker.start();
    long nextRenewal = System.nanoTime() + renewalIntervalNanos;
    while (true) {
      if (result.isDone()) {
        return Optional.of(result.join());
      }
      long now = System.nanoTime();
      boolean stopping = stopRequested();
      long deadline = stopDeadlineNanos;
      if (stopping && now - deadline >= 0) {
        worker.interrupt();
        return Optional.empty();
      }
      if (now - nextRenewal >= 0) {
        renewWhileWorking();
        nextRenewal = now + renewalIntervalNanos;
      }
      long wait = nextRenewal - now;
      if (stopping) {
        wait = Math.min(wait, deadline - now);
      }
      boolean wasStopping = stopping;
      if (!wakeup.await(() -> result.isDone() || (!wasStopping && stopRequested()), wait)) {
        onLoopInterrupted();
      }
    }
  }

  private HandlerOutcome invoke(Callable<HandlerOutcome> task) {
    try {
      HandlerOutcome outcome = task.call();
      return outcome != null ? outcome : HandlerOutcome.retry("handler returned no outcome");
    } catch (PermanentMessageException e) {
      log.debug("Handler reported a permanent failure", e);
      return HandlerOutcome.deadLetter(e.reason(), e.description());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HandlerOutcome.retry("handler interrupted");
    } catch (Exception | Error e) {
      // The exception message may quote message content: the class name only above debug level.
      log.warn("Processing {}: handler threw {}", label, e.getClass().getName());
      log.debug("Handler failure", e);
      return HandlerOutcome.retry("handler threw " + e.getClass().getSimpleName());
    }
  }

  private void renewWhileWorking() {
    try {
      receiver.renewLock();
    } catch (MessageBusException | RuntimeException e) {
      // The handler goes on; if the lock is really lost, the settlement fails and the message is
      // redelivered.
      log.warn("Processing {}: lock renewal failed: {}", label, describe(e));
    }
  }

  // ---------------------------------------------------------------- backoff, receiver, waits

  private boolean passBackoffGate() {
    while (gateClosed && !stopRequested()) {
      long remaining = gateOpensAtNanos - System.nanoTime();
      if (remaining <= 0) {
        gateClosed = false;
        break;
      }
      long slice = receiver == null ? remaining : Math.min(remaining, renewalIntervalNanos);
      if (!wakeup.await(this::stopRequested, slice)) {
        onLoopInterrupted();
      }
      if (receiver != null && !stopRequested() && gateOpensAtNanos - System.nanoTime() > 0) {
        renewWhileIdle();
      }
    }
    return !stopRequested();
  }

  /** Keeps the session locked while backing off, so no other replica overtakes the backoff. */
  private void renewWhileIdle() {
    try {
      receiver.renewLock();
    } catch (MessageBusException | RuntimeException e) {
      log.warn(
          "Processing {}: lock renewal during backoff failed: {}; re-opening the receiver later",
          label,
          describe(e));
      closeReceiver();
    }
  }

  private void scheduleRetry(String reason) {
    int attempt = backoff.attempt();
    Duration delay = backoff.onFailure();
    gateClosed = true;
    gateOpensAtNanos = System.nanoTime() + nanos(delay);
    log.warn(
        "Processing {}: {}; next receive in {} s at {} (attempt {})",
        label,
        reason,
        delay.toMillis() / 1000.0,
        Instant.now().plus(delay),
        attempt);
    notifyListener("onRetryScheduled", () -> listener.onRetryScheduled(delay, attempt));
  }

  private boolean openReceiver() {
    try {
      SessionReceiver opened = bus.receiver(source, sessionId);
      receiver = Objects.requireNonNull(opened, "the bus returned no receiver");
    } catch (SessionUnavailableException e) {
      log.warn(
          "Processing {}: the session is held by another receiver ({}); trying again in {}",
          label,
          describe(e),
          options.sessionUnavailableWait());
      if (!wakeup.await(this::stopRequested, nanos(options.sessionUnavailableWait()))) {
        onLoopInterrupted();
      }
      return false;
    } catch (MessageBusException | RuntimeException e) {
      log.error("Processing {}: cannot open a receiver: {}", label, describe(e));
      scheduleRetry("cannot open a receiver");
      return false;
    }
    Duration lockDuration;
    try {
      lockDuration = receiver.lockDuration();
    } catch (RuntimeException e) {
      lockDuration = null;
    }
    if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
      lockDuration = FALLBACK_LOCK_DURATION;
    }
    renewalIntervalNanos = renewalInterval(lockDuration);
    log.info(
        "Processing {}: receiver open (lock duration {}, renewal every {} ms)",
        label,
        lockDuration,
        renewalIntervalNanos / 1_000_000);
    return true;
  }

  private long renewalInterval(Duration lockDuration) {
    Duration interval = options.lockRenewalInterval().orElseGet(() -> lockDuration.dividedBy(3));
    return Math.max(MIN_RENEWAL_NANOS, nanos(interval));
  }

  private void closeReceiver() {
    SessionReceiver open = receiver;
    receiver = null;
    if (open == null) {
      return;
    }
    try {
      open.close();
    } catch (RuntimeException e) {
      log.warn("Processing {}: closing the receiver failed: {}", label, describe(e));
    }
  }

  /** The loop thread was interrupted: treat it as an immediate stop. */
  private void onLoopInterrupted() {
    log.warn("Processing {}: loop thread interrupted; stopping now", label);
    requestStop(Duration.ZERO);
  }

  private void notifyListener(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // Telemetry must never change an outcome or stop the loop (e.g. a missing optional class).
      log.warn("Processing {}: ProcessorListener.{} failed: {}", label, callback, describe(e));
    }
  }

  private static String describe(ReceivedMessage message) {
    String id;
    int deliveries;
    try {
      id = message.messageId().orElse("(no id)");
      deliveries = message.deliveryCount();
    } catch (RuntimeException e) {
      return "message (unreadable id)";
    }
    return "message " + id + " (delivery " + deliveries + ")";
  }

  private static String describe(Throwable error) {
    return MessageBusException.describe(error);
  }

  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  /** Completed messages of one receive whose completion waits to be grouped. Loop thread only. */
  private static final class PendingCompletions {
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private long oldestNanos;

    void add(ReceivedMessage message) {
      if (messages.isEmpty()) {
        oldestNanos = System.nanoTime();
      }
      messages.add(message);
    }

    boolean olderThan(long nanos) {
      return !messages.isEmpty() && System.nanoTime() - oldestNanos >= nanos;
    }

    /** The pending messages, in order; afterwards none is pending. */
    List<ReceivedMessage> drain() {
      List<ReceivedMessage> drained = List.copyOf(messages);
      messages.clear();
      return drained;
    }
  }

  /** Builds a {@link SessionProcessor}. */
  public static final class Builder {
    private final MessageBus bus;
    private final Source source;
    private Optional<String> sessionId = Optional.empty();
    private MessageHandler messageHandler;
    private BatchHandler batchHandler;
    private ProcessorOptions options = ProcessorOptions.defaults();
    private ProcessorListener listener = ProcessorListener.NONE;

    private Builder(MessageBus bus, Source source) {
      this.bus = bus;
      this.source = source;
    }

    /** The session to lock; {@code null} or blank for a non-session queue or subscription. */
    public Builder sessionId(String value) {
      this.sessionId =
          value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
      return this;
    }

    /** The session to lock, or empty. */
    public Builder sessionId(Optional<String> value) {
      return sessionId(value.orElse(null));
    }

    /** Handle messages one by one (with batch size 1, one message per receive). */
    public Builder handler(MessageHandler value) {
      this.messageHandler = Objects.requireNonNull(value, "handler");
      return this;
    }

    /** Handle each receive's messages as one batch. */
    public Builder batchHandler(BatchHandler value) {
      this.batchHandler = Objects.requireNonNull(value, "batchHandler");
      return this;
    }

    public Builder options(ProcessorOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    public Builder listener(ProcessorListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    public SessionProcessor build() {
      return new SessionProcessor(this);
    }
  }
}
