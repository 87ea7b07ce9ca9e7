package io.integrationhub.sender;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * At most one send per {@code 60 / MAX_MESSAGES_PER_MINUTE} seconds (spec hl7-sender.md §8.1). The
 * first send never waits; a later one waits until the previous send's slot plus one interval; a
 * send that comes late (idle, or behind schedule) goes at once and starts a new schedule, so there
 * is no catch-up burst. {@link #close()} wakes a waiting send, which then reports that it must not
 * go (shutdown).
 */
final class MessageThrottler implements AutoCloseable {

  private final Optional<Long> intervalNanos;
  private final LongSupplier clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition closing = lock.newCondition();
  private boolean closed;
  private boolean started;
  private long lastSlot;

  /** A throttler on the system's monotonic clock; no limit when {@code ratePerMinute} is empty. */
  MessageThrottler(OptionalInt ratePerMinute) {
    this(ratePerMinute, System::nanoTime);
  }

  MessageThrottler(OptionalInt ratePerMinute, LongSupplier nanoClock) {
    if (ratePerMinute.isPresent() && ratePerMinute.getAsInt() <= 0) {
      throw new IllegalArgumentException(
          "The rate must be greater than 0, was " + ratePerMinute.getAsInt());
    }
    this.intervalNanos =
        ratePerMinute.isPresent()
            ? Optional.of(TimeUnit.MINUTES.toNanos(1) / ratePerMinute.getAsInt())
            : Optional.empty();
    this.clock = nanoClock;
  }

  /** The time between two sends; empty when unthrottled. */
  Optional<Duration> interval() {
    return intervalNanos.map(Duration::ofNanos);
  }

  /**
   * Waits for this send's slot.
   *
   * @return false when the throttler was closed (shutdown): the message must not be sent
   * @throws InterruptedException when interrupted while waiting
   */
  boolean awaitTurn() throws InterruptedException {
    lock.lock();
    try {
      long wait = reserve(clock.getAsLong());
      while (wait > 0 && !closed) {
        wait = closing.awaitNanos(wait);
      }
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the next slot at time {@code now}.
   *
   * @return how long to wait for it, in nanoseconds (0 = send now)
   */
  long reserve(long now) {
    lock.lock();
    try {
      if (intervalNanos.isEmpty()) {
        return 0;
      }
      if (!started) {
        started = true;
        lastSlot = now;
        return 0;
      }
      long target = lastSlot + intervalNanos.get();
      if (target - now > 0) {
        lastSlot = target;
        return target - now;
      }
      lastSlot = now;
      return 0;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a waiting send; every later {@link #awaitTurn()} returns false at once. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      closing.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
