package io.integrationhub.bench.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusLoadTest {

  @Test
  void optionsHaveBoundedDefaultsAndRefuseNonsense() {
    BusLoadOptions defaults = BusLoadOptions.parse();
    assertThat(defaults.scenario()).isEqualTo("all");
    assertThat(defaults.duration().toSeconds()).isEqualTo(10);
    assertThat(defaults.rate()).isEqualTo(1_000);
    assertThat(defaults.message().length()).isBetween(1_000, 2_500);
    assertThatThrownBy(() -> BusLoadOptions.parse("--scenario", "nope"))
        .hasMessageContaining("Unknown scenario");
    assertThatThrownBy(() -> BusLoadOptions.parse("--seconds", "601"))
        .hasMessageContaining("bounded");
    assertThatThrownBy(() -> BusLoadOptions.parse("--rate")).hasMessageContaining("Missing value");
    assertThatThrownBy(() -> BusLoadOptions.parse("--what", "1"))
        .hasMessageContaining("Unknown option");
  }

  @Test
  void aShortRunReportsEveryScenarioWithoutErrorsOrDisorder(@TempDir Path data) throws Exception {
    List<String> report =
        BusLoad.run(
            BusLoadOptions.parse(
                "--seconds",
                "1",
                "--warmup-seconds",
                "0",
                "--sessions",
                "2",
                "--rate",
                "200",
                "--data",
                data.toString()));
    assertThat(report).hasSize(4);
    assertThat(report.get(1)).contains("(a) 1 session").contains(" 0 out of order, 0 errors");
    assertThat(report.get(2)).contains("(b) 2 sessions").contains(" 0 out of order, 0 errors");
    assertThat(report.get(3)).contains("(c) publish latency").endsWith(" 0 errors");
  }
}
