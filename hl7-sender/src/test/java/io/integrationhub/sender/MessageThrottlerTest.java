package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The spec §8.1 cases, on a fake clock (seconds as nanoseconds). */
class MessageThrottlerTest {

  private static long seconds(double value) {
    return Math.round(value * 1_000_000_000L);
  }

  @Test
  void rate30MeansATwoSecondInterval() {
    assertThat(new MessageThrottler(OptionalInt.of(30)).interval()).contains(Duration.ofSeconds(2));
  }

  @Test
  void secondCallHalfASecondLaterWaitsOneAndAHalfSeconds() {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.of(30), () -> 0);

    assertThat(throttler.reserve(seconds(1000.0))).isZero();
    assertThat(throttler.reserve(seconds(1000.5))).isEqualTo(seconds(1.5));
  }

  @Test
  void rate60CallsPointThreeSecondsApartWaitPointSevenSeconds() {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.of(60), () -> 0);

    throttler.reserve(seconds(1000.0));
    assertThat(throttler.reserve(seconds(1000.3))).isEqualTo(seconds(0.7));
  }

  @Test
  void aLateCallGoesAtOnceWithoutACatchUpBurst() {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.of(30), () -> 0);

    throttler.reserve(seconds(1000.0));
    assertThat(throttler.reserve(seconds(1002.5))).isZero();
    // The schedule restarts at 1002.5: the next slot is 1004.5, not 1002.0 + 2.
    assertThat(throttler.reserve(seconds(1002.6))).isEqualTo(seconds(1.9));
  }

  @Test
  void backToBackCallsAreSpacedOneIntervalApart() {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.of(600), () -> 0);

    throttler.reserve(0);
    assertThat(throttler.reserve(0)).isEqualTo(seconds(0.1));
    assertThat(throttler.reserve(0)).isEqualTo(seconds(0.2));
  }

  @Test
  void unthrottledNeverWaits() {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.empty(), () -> 0);

    assertThat(throttler.interval()).isEmpty();
    assertThat(throttler.reserve(0)).isZero();
    assertThat(throttler.reserve(0)).isZero();
  }

  @Test
  void rejectsARateOfZero() {
    assertThatThrownBy(() -> new MessageThrottler(OptionalInt.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeWakesAWaitingSendWhichMustNotGo() throws Exception {
    MessageThrottler throttler = new MessageThrottler(OptionalInt.of(1));
    assertThat(throttler.awaitTurn()).isTrue();
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return throttler.awaitTurn();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(second).isNotDone();

    throttler.close();

    assertThat(second.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(throttler.awaitTurn()).isFalse();
  }
}
