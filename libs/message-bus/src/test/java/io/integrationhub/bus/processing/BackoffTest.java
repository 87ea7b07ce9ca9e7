package io.integrationhub.bus.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void followsTheReferenceScheduleInSeconds() {
    Backoff backoff = new Backoff();
    List<Long> waits = new ArrayList<>();
    List<Integer> attempts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      attempts.add(backoff.attempt());
      waits.add(backoff.onFailure().toSeconds());
    }
    assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L);
    assertThat(attempts).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void successResetsDelayAndAttempt() {
    Backoff backoff = new Backoff();
    backoff.onFailure();
    backoff.onFailure();
    assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.attempt()).isEqualTo(2);

    backoff.onSuccess();

    assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.attempt()).isZero();
    assertThat(backoff.onFailure()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void configurableBoundsForTests() {
    Backoff backoff = new Backoff(Duration.ofMillis(3), Duration.ofMillis(10));
    assertThat(List.of(backoff.onFailure(), backoff.onFailure(), backoff.onFailure()))
        .containsExactly(Duration.ofMillis(3), Duration.ofMillis(6), Duration.ofMillis(10));
    assertThat(backoff.initialDelay()).isEqualTo(Duration.ofMillis(3));
    assertThat(backoff.maxDelay()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void staysAtTheCapForever() {
    Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofDays(365_000));
    for (int i = 0; i < 200; i++) {
      backoff.onFailure();
    }
    assertThat(backoff.nextDelay()).isEqualTo(Duration.ofDays(365_000));
  }

  @Test
  void rejectsNonsenseBounds() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
