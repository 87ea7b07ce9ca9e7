package io.integrationhub.mllp.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests without fixed sleeps. */
public final class Poll {

  private Poll() {}

  /**
   * Polls {@code condition} every 10 ms until it holds or {@code timeout} passes.
   *
   * @param condition the condition
   * @param timeout the longest wait
   * @return whether the condition held in time
   */
  public static boolean until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
