package io.integrationhub.bus.processing;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Lets the processing loop sleep until a condition holds or a time passes, and be woken at once
 * when another thread changes the condition (a handler finished, a stop was requested). The
 * condition is checked under the lock, so a signal is never lost.
 */
final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Wakes every waiter so it re-checks its condition. Call after changing the state. */
  void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code done} is true or {@code nanos} have passed.
   *
   * @return false if the waiting thread was interrupted (the interrupt flag is cleared)
   */
  boolean await(BooleanSupplier done, long nanos) {
    long remaining = nanos;
    lock.lock();
    try {
      while (remaining > 0 && !done.getAsBoolean()) {
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }
}
