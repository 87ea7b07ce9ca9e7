package io.integrationhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderLoadTest {

  @Test
  void optionsHaveTheDocumentedDefaultsAndRefuseNonsense() {
    SenderLoadOptions defaults = SenderLoadOptions.parse();
    assertThat(defaults.messages()).isEqualTo(30_000);
    assertThat(defaults.warmupMessages()).isEqualTo(5_000);
    assertThat(defaults.messageStore()).isTrue();
    assertThat(defaults.completionDelay()).isZero();
    assertThat(defaults.envFile()).isEqualTo(Path.of("local", "mpi-hl7-sender.env"));
    assertThatThrownBy(() -> SenderLoadOptions.parse("--store", "yes"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> SenderLoadOptions.parse("--messages", "0"))
        .hasMessageContaining("--messages must be");
    assertThatThrownBy(() -> SenderLoadOptions.parse("--messages"))
        .hasMessageContaining("Missing value");
    assertThatThrownBy(() -> SenderLoadOptions.parse("--what", "1"))
        .hasMessageContaining("Unknown option");
  }

  @Test
  void aShortRunDeliversEveryMessageWithItsAa(@TempDir Path data) throws Exception {
    SenderLoadOptions options =
        SenderLoadOptions.parse(
            "--messages",
            "200",
            "--warmup-messages",
            "50",
            "--env",
            "../local/mpi-hl7-sender.env",
            "--topology",
            "../local/ServiceBusEmulatorConfig.json",
            "--data",
            data.toString(),
            "--log-file",
            data.resolve("sender-load.log").toString(),
            "--timeout-seconds",
            "60");
    SenderLoad.configureLogging(options);

    SenderLoad.Report report = new SenderLoad(options).run();

    assertThat(report.complete()).isTrue();
    assertThat(report.delivered()).isEqualTo(250);
    assertThat(report.measured()).isBetween(150L, 200L);
    assertThat(report.latencyMicros().getTotalCount()).isPositive();
    assertThat(report.toString()).contains("delivered: 250 of 250", "throughput:", "p99=", "RSS:");
  }
}
