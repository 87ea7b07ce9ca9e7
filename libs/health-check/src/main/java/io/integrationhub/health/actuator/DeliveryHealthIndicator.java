package io.integrationhub.health.actuator;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Actuator health of a downstream connection, from its {@link DeliveryHealth}. */
public final class DeliveryHealthIndicator implements HealthIndicator {

  private final String target;
  private final DeliveryHealth deliveries;

  /**
   * @param target what is delivered to, e.g. {@code queue local-inthub-phw-transformer-ingress}
   */
  public DeliveryHealthIndicator(String target, DeliveryHealth deliveries) {
    this.target = target;
    this.deliveries = deliveries;
  }

  @Override
  public Health health() {
    DeliveryHealth.Snapshot state = deliveries.snapshot();
    Health.Builder builder = state.up() ? Health.up() : Health.down();
    builder.withDetail("target", target);
    state.lastSuccess().ifPresent(at -> builder.withDetail("lastSuccess", at.toString()));
    state.lastFailure().ifPresent(at -> builder.withDetail("lastFailure", at.toString()));
    if (!state.lastError().isEmpty()) {
      builder.withDetail("lastError", state.lastError());
    }
    return builder.build();
  }
}
