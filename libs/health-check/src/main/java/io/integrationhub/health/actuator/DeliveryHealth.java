package io.integrationhub.health.actuator;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a service knows about its connection to a downstream system (the bus, MPI) from its own
 * deliveries: up until a delivery fails, down until one succeeds again. Thread-safe.
 */
public final class DeliveryHealth {

  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(true, Optional.empty(), Optional.empty(), "");

  /**
   * The state at one moment.
   *
   * @param up whether the last delivery (if any) succeeded
   * @param lastSuccess when the last delivery succeeded
   * @param lastFailure when the last delivery failed
   * @param lastError what the last failure was (no payload)
   */
  public record Snapshot(
      boolean up, Optional<Instant> lastSuccess, Optional<Instant> lastFailure, String lastError) {}

  /** A tracker using the system clock. */
  public DeliveryHealth() {
    this(Clock.systemUTC());
  }

  /** A tracker using {@code clock}. */
  public DeliveryHealth(Clock clock) {
    this.clock = clock;
  }

  /** Records a delivery that succeeded. */
  public synchronized void success() {
    Snapshot previous = snapshot;
    snapshot =
        new Snapshot(
            true, Optional.of(clock.instant()), previous.lastFailure(), previous.lastError());
  }

  /** Records a delivery that failed, with a reason free of payload. */
  public synchronized void failure(String reason) {
    Snapshot previous = snapshot;
    snapshot = new Snapshot(false, previous.lastSuccess(), Optional.of(clock.instant()), reason);
  }

  /** The current state. */
  public Snapshot snapshot() {
    return snapshot;
  }
}
