package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec §8.2 table and unit test. */
class BatchSizingTest {

  @ParameterizedTest(name = "{0}/min -> batch {1}")
  @CsvSource({"1,5", "2,10", "3,14", "5,23", "10,46", "20,91", "22,100", "30,100", "600,100"})
  void followsTheReferenceTable(int rate, int batch) {
    assertThat(BatchSizing.batchSize(OptionalInt.of(rate), 100)).isEqualTo(batch);
  }

  @Test
  void unthrottledTakesTheMaximum() {
    assertThat(BatchSizing.batchSize(OptionalInt.empty(), 100)).isEqualTo(100);
  }

  @Test
  void aLongerRenewalWindowAllowsMore() {
    assertThat(
            BatchSizing.batchSize(
                OptionalInt.of(1), 100, Duration.ofSeconds(900), Duration.ofSeconds(30)))
        .isEqualTo(15);
  }

  @Test
  void noWindowMeansOneMessageAtATime() {
    assertThat(
            BatchSizing.batchSize(
                OptionalInt.of(30), 100, Duration.ofSeconds(30), Duration.ofSeconds(30)))
        .isEqualTo(1);
  }
}
