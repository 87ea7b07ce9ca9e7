package io.integrationhub.sender;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How many messages one receive takes (spec hl7-sender.md §8.2), computed once at start-up so that
 * a throttled batch fits in the lock-renewal window. The arithmetic is the reference's, in doubles,
 * so every rate gives the same batch size as the Python service.
 */
final class BatchSizing {

  /** The reference's lock auto-renew limit. */
  static final Duration RENEWAL_LIMIT = Duration.ofSeconds(300);

  /** The reference's safety margin inside that limit. */
  static final Duration RENEWAL_BUFFER = Duration.ofSeconds(30);

  private BatchSizing() {}

  /** The batch size for a rate (empty = unthrottled) with the reference's renewal window. */
  static int batchSize(OptionalInt ratePerMinute, int maxBatch) {
    return batchSize(ratePerMinute, maxBatch, RENEWAL_LIMIT, RENEWAL_BUFFER);
  }

  /**
   * {@code max(1, min(maxBatch, floor((renewal - buffer) / interval) + 1))}, or {@code maxBatch}
   * when unthrottled; 1 when the window is not positive.
   */
  static int batchSize(OptionalInt ratePerMinute, int maxBatch, Duration renewal, Duration buffer) {
    if (ratePerMinute.isEmpty()) {
      return maxBatch;
    }
    double windowSeconds = (renewal.toMillis() - buffer.toMillis()) / 1000.0;
    if (windowSeconds <= 0) {
      return 1;
    }
    double intervalSeconds = 60.0 / ratePerMinute.getAsInt();
    long allowable = (long) Math.floor(windowSeconds / intervalSeconds) + 1;
    return (int) Math.max(1, Math.min(maxBatch, allowable));
  }
}
