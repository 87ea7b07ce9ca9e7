package io.integrationhub.bus.processing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Tuning of a {@link SessionProcessor}. Defaults ({@link #defaults()}) follow the reference hub
 * where it is sound and the shutdown budget of a container platform (about 30 s) elsewhere.
 *
 * @param batchSize messages per receive; 1 (the default) receives one at a time, so no message is
 *     held, and its delivery count raised, without being attempted. While a failure is pending (the
 *     backoff has recorded a failure since the last fully settled receive) the processor receives
 *     one message at a time whatever this value, so the messages behind a failing head are not
 *     received, held and abandoned without being attempted; full batches resume after a receive
 *     whose messages were all completed or dead-lettered
 * @param receiveWait how long one receive waits for a message (default 5 s; the reference waits 60
 *     s, which would delay shutdown by up to a minute)
 * @param initialRetryDelay first backoff wait (reference 5 s)
 * @param maxRetryDelay backoff cap (reference 900 s)
 * @param sessionUnavailableWait pause when another receiver holds the session (reference 60 s); the
 *     backoff does not escalate
 * @param lockRenewalInterval how often the lock is renewed while a handler works or the loop backs
 *     off; empty = a third of the receiver's lock duration
 * @param stopTimeout how long {@link SessionProcessor#close()} lets a running handler finish
 *     (default 20 s)
 * @param shutdownGrace extra time {@link SessionProcessor#stop(Duration)} waits, after the handler
 *     deadline, for the last settlement and the receiver's close (default 5 s)
 * @param virtualThread run the loop on a virtual thread; the default (false) uses a non-daemon
 *     platform thread, which keeps a service's JVM alive while the loop runs
 * @param maxCompletionDelay per-message handlers only: how long completed messages may wait to be
 *     completed together in one settlement ({@link
 *     io.integrationhub.bus.SessionReceiver#completeAll completeAll}, one commit on Artemis). Zero
 *     (the default) completes each message as soon as its handler returns. Positive: fewer commits
 *     (much higher throughput on a durable broker), but if the process dies, messages already
 *     handled and not yet completed are delivered again. Only useful with {@code batchSize > 1}: a
 *     group never spans two receives. Must not be negative; keep it well below the lock duration
 */
public record ProcessorOptions(
    int batchSize,
    Duration receiveWait,
    Duration initialRetryDelay,
    Duration maxRetryDelay,
    Duration sessionUnavailableWait,
    Optional<Duration> lockRenewalInterval,
    Duration stopTimeout,
    Duration shutdownGrace,
    boolean virtualThread,
    Duration maxCompletionDelay) {

  /** Checks the values. */
  public ProcessorOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    positive(receiveWait, "receiveWait");
    positive(initialRetryDelay, "initialRetryDelay");
    positive(maxRetryDelay, "maxRetryDelay");
    if (maxRetryDelay.compareTo(initialRetryDelay) < 0) {
      throw new IllegalArgumentException(
          "maxRetryDelay must not be shorter than initialRetryDelay");
    }
    positive(sessionUnavailableWait, "sessionUnavailableWait");
    Objects.requireNonNull(lockRenewalInterval, "lockRenewalInterval");
    lockRenewalInterval.ifPresent(interval -> positive(interval, "lockRenewalInterval"));
    notNegative(stopTimeout, "stopTimeout");
    notNegative(shutdownGrace, "shutdownGrace");
    notNegative(maxCompletionDelay, "maxCompletionDelay");
  }

  /** The defaults: one message at a time, 5 s receive wait, reference backoff and session pause. */
  public static ProcessorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy to change some values. */
  public Builder toBuilder() {
    return new Builder()
        .batchSize(batchSize)
        .receiveWait(receiveWait)
        .initialRetryDelay(initialRetryDelay)
        .maxRetryDelay(maxRetryDelay)
        .sessionUnavailableWait(sessionUnavailableWait)
        .lockRenewalInterval(lockRenewalInterval.orElse(null))
        .stopTimeout(stopTimeout)
        .shutdownGrace(shutdownGrace)
        .virtualThread(virtualThread)
        .maxCompletionDelay(maxCompletionDelay);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  /** Builds {@link ProcessorOptions}; every value starts at its default. */
  public static final class Builder {
    private int batchSize = 1;
    private Duration receiveWait = Duration.ofSeconds(5);
    private Duration initialRetryDelay = Backoff.REFERENCE_INITIAL_DELAY;
    private Duration maxRetryDelay = Backoff.REFERENCE_MAX_DELAY;
    private Duration sessionUnavailableWait = Duration.ofSeconds(60);
    private Duration lockRenewalInterval;
    private Duration stopTimeout = Duration.ofSeconds(20);
    private Duration shutdownGrace = Duration.ofSeconds(5);
    private boolean virtualThread;
    private Duration maxCompletionDelay = Duration.ZERO;

    private Builder() {}

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public Builder receiveWait(Duration value) {
      this.receiveWait = value;
      return this;
    }

    public Builder initialRetryDelay(Duration value) {
      this.initialRetryDelay = value;
      return this;
    }

    public Builder maxRetryDelay(Duration value) {
      this.maxRetryDelay = value;
      return this;
    }

    public Builder sessionUnavailableWait(Duration value) {
      this.sessionUnavailableWait = value;
      return this;
    }

    /** Fixed renewal interval; {@code null} = a third of the receiver's lock duration. */
    public Builder lockRenewalInterval(Duration value) {
      this.lockRenewalInterval = value;
      return this;
    }

    public Builder stopTimeout(Duration value) {
      this.stopTimeout = value;
      return this;
    }

    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = value;
      return this;
    }

    public Builder virtualThread(boolean value) {
      this.virtualThread = value;
      return this;
    }

    /**
     * How long completed messages may wait to be completed together; zero (the default) completes
     * each message at once.
     */
    public Builder maxCompletionDelay(Duration value) {
      this.maxCompletionDelay = value;
      return this;
    }

    public ProcessorOptions build() {
      return new ProcessorOptions(
          batchSize,
          receiveWait,
          initialRetryDelay,
          maxRetryDelay,
          sessionUnavailableWait,
          Optional.ofNullable(lockRenewalInterval),
          stopTimeout,
          shutdownGrace,
          virtualThread,
          maxCompletionDelay);
    }
  }
}
