package io.integrationhub.bus.topology;

import java.time.Duration;

/**
 * Settings shared by queues and subscriptions, with the emulator config's property names in the
 * comments.
 *
 * @param requiresSession {@code RequiresSession}
 * @param lockDuration {@code LockDuration}
 * @param maxDeliveryCount {@code MaxDeliveryCount}: deliveries before the broker dead-letters
 * @param defaultTimeToLive {@code DefaultMessageTimeToLive}
 * @param deadLetterOnExpiration {@code DeadLetteringOnMessageExpiration}
 */
public record EntitySettings(
    boolean requiresSession,
    Duration lockDuration,
    int maxDeliveryCount,
    Duration defaultTimeToLive,
    boolean deadLetterOnExpiration) {

  /**
   * The reference hub's local queue settings: PT1M lock, 10 deliveries, PT1H TTL, no DLQ on expiry.
   */
  public static EntitySettings referenceDefaults(boolean requiresSession) {
    return new EntitySettings(
        requiresSession, Duration.ofMinutes(1), 10, Duration.ofHours(1), false);
  }

  public EntitySettings {
    if (lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("LockDuration must be positive");
    }
    if (maxDeliveryCount < 1) {
      throw new IllegalArgumentException("MaxDeliveryCount must be at least 1");
    }
    if (defaultTimeToLive.isNegative() || defaultTimeToLive.isZero()) {
      throw new IllegalArgumentException("DefaultMessageTimeToLive must be positive");
    }
  }
}
