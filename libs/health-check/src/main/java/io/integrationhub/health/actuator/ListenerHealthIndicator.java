package io.integrationhub.health.actuator;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Actuator health of a network listener (the MLLP server): up while it is bound and accepting. */
public final class ListenerHealthIndicator implements HealthIndicator {

  private final BooleanSupplier listening;
  private final IntSupplier port;
  private final IntSupplier connections;

  /**
   * @param listening whether the listener is bound and accepting
   * @param port the bound port
   * @param connections the open connections
   */
  public ListenerHealthIndicator(
      BooleanSupplier listening, IntSupplier port, IntSupplier connections) {
    this.listening = listening;
    this.port = port;
    this.connections = connections;
  }

  @Override
  public Health health() {
    if (!listening.getAsBoolean()) {
      return Health.down().withDetail("listening", false).build();
    }
    return Health.up()
        .withDetail("listening", true)
        .withDetail("port", port.getAsInt())
        .withDetail("connections", connections.getAsInt())
        .build();
  }
}
