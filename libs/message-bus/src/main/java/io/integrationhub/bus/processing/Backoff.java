package io.integrationhub.bus.processing;

import java.time.Duration;
import java.util.Objects;

/**
 * The reference hub's retry schedule, kept per receiver (not per message): the first failure waits
 * the initial delay (5 s), every further failure doubles it, capped at the maximum (900 s); a
 * success resets it. No jitter, as in the reference. Not thread-safe: one processing loop owns it.
 *
 * <p>Reference sequence: 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, ... seconds.
 */
public final class Backoff {
  /** The reference's first wait after a failure. */
  public static final Duration REFERENCE_INITIAL_DELAY = Duration.ofSeconds(5);

  /** The reference's longest wait (15 minutes). */
  public static final Duration REFERENCE_MAX_DELAY = Duration.ofSeconds(900);

  private final Duration initialDelay;
  private final Duration maxDelay;
  private Duration nextDelay;
  private int attempt;

  /** The reference schedule: 5 s doubling to 900 s. */
  public Backoff() {
    this(REFERENCE_INITIAL_DELAY, REFERENCE_MAX_DELAY);
  }

  /**
   * A schedule with other bounds (tests use milliseconds).
   *
   * @param initialDelay the wait after the first failure, positive
   * @param maxDelay the cap, at least {@code initialDelay}
   */
  public Backoff(Duration initialDelay, Duration maxDelay) {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("The initial retry delay must be positive");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "The maximum retry delay must not be shorter than the initial one");
    }
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.nextDelay = initialDelay;
  }

  /** The wait the next failure will schedule. */
  public Duration nextDelay() {
    return nextDelay;
  }

  /**
   * The 0-based attempt label the next failure gets: the number of failures since the last success
   * (the {@code attempt} attribute of the {@code retry_delay_seconds} metric).
   */
  public int attempt() {
    return attempt;
  }

  /**
   * Records a failure.
   *
   * @return the wait before the next receive (the {@link #nextDelay()} before this call)
   */
  public Duration onFailure() {
    Duration delay = nextDelay;
    nextDelay = delay.compareTo(maxDelay.dividedBy(2)) > 0 ? maxDelay : delay.multipliedBy(2);
    if (attempt < Integer.MAX_VALUE) {
      attempt++;
    }
    return delay;
  }

  /** Records a success: the next failure waits the initial delay again, attempt label 0. */
  public void onSuccess() {
    nextDelay = initialDelay;
    attempt = 0;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }
}
