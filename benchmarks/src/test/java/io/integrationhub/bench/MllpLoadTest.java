package io.integrationhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.AckCode;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.mllp.MllpResponse;
import io.integrationhub.mllp.MllpServer;
import io.integrationhub.mllp.MllpServerConfig;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MllpLoadTest {

  @Test
  void countsPositiveAcksAndReportsTheFigures() throws Exception {
    AckBuilder acks = new AckBuilder();
    MllpServerConfig config = MllpServerConfig.builder().port(0).build();
    try (MllpServer server =
        new MllpServer(
            config,
            request ->
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        String text = request.text();
                        AckCode code = text.contains("|L1-") ? AckCode.AE : AckCode.AA;
                        return MllpResponse.reply(acks.build(MessageHeader.parse(text), code));
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    }))) {
      server.start();
      LoadOptions options =
          LoadOptions.parse(
              new String[] {
                "--port",
                String.valueOf(server.port()),
                "--connections",
                "2",
                "--seconds",
                "1",
                "--warmup-seconds",
                "0"
              });

      LoadReport report = new MllpLoad(options).run();

      assertThat(report.ok()).as("connection 0 is always ACKed AA").isPositive();
      assertThat(report.nacks()).as("connection 1 is always answered AE").isPositive();
      assertThat(report.errors()).isZero();
      assertThat(report.latencyMicros().getTotalCount()).isEqualTo(report.ok() + report.nacks());
      assertThat(report.toString()).contains("throughput:", "p99=");
    }
  }

  @Test
  void refusesToSendAnywhereButLoopback() {
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--host", "192.0.2.1", "--port", "1"}))
        .hasMessageContaining("only sent to loopback");
  }

  @Test
  void requiresAPort() {
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {}))
        .hasMessageContaining("--port is required");
  }
}
