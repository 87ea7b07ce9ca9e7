package io.integrationhub.health.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ActuatorIndicatorsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

  @Test
  void deliveryHealthIsUpUntilAFailureAndUpAgainAfterASuccess() {
    DeliveryHealth deliveries = new DeliveryHealth(Clock.fixed(NOW, ZoneOffset.UTC));
    DeliveryHealthIndicator indicator = new DeliveryHealthIndicator("queue q", deliveries);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    deliveries.failure("UnknownDestinationException: no such queue");
    Health down = indicator.health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails())
        .containsEntry("target", "queue q")
        .containsEntry("lastFailure", NOW.toString())
        .containsEntry("lastError", "UnknownDestinationException: no such queue");
    deliveries.success();
    Health up = indicator.health();
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("lastSuccess", NOW.toString());
  }

  @Test
  void listenerHealthFollowsTheListener() {
    AtomicBoolean listening = new AtomicBoolean(true);
    ListenerHealthIndicator indicator =
        new ListenerHealthIndicator(listening::get, () -> 2575, () -> 3);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    assertThat(indicator.health().getDetails())
        .containsEntry("port", 2575)
        .containsEntry("connections", 3);
    listening.set(false);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
