package io.integrationhub.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpHealthCheckServerTest {

  @Test
  void acceptsAConnectionAndClosesItWithoutWritingAnything() throws IOException {
    try (TcpHealthCheckServer server =
        new TcpHealthCheckServer(new HealthCheckSettings("127.0.0.1", 0))) {
      server.start();
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        probe.setSoTimeout(2000);
        InputStream in = probe.getInputStream();
        assertThat(in.read()).as("server closes without sending bytes").isEqualTo(-1);
      }
    }
  }

  @Test
  void answersManyProbesInARow() throws IOException {
    try (TcpHealthCheckServer server =
        new TcpHealthCheckServer(new HealthCheckSettings("127.0.0.1", 0))) {
      server.start();
      for (int i = 0; i < 20; i++) {
        try (Socket probe = new Socket("127.0.0.1", server.port())) {
          assertThat(probe.isConnected()).isTrue();
        }
      }
    }
  }

  @Test
  void refusesConnectionsAfterClose() throws IOException {
    TcpHealthCheckServer server = new TcpHealthCheckServer(new HealthCheckSettings("127.0.0.1", 0));
    server.start();
    int port = server.port();
    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void failsToStartWhenThePortIsTaken() throws IOException {
    try (TcpHealthCheckServer first =
        new TcpHealthCheckServer(new HealthCheckSettings("127.0.0.1", 0))) {
      first.start();
      TcpHealthCheckServer second =
          new TcpHealthCheckServer(new HealthCheckSettings("127.0.0.1", first.port()));
      assertThatThrownBy(second::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Cannot bind health check to 127.0.0.1:" + first.port());
    }
  }

  @Test
  void settingsUseTheReferenceDefaults() {
    HealthCheckSettings settings = HealthCheckSettings.from(Map.of());
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(9000);
  }

  @Test
  void settingsReadTheReferenceVariables() {
    HealthCheckSettings settings =
        HealthCheckSettings.from(
            Map.of("HEALTH_CHECK_HOST", "0.0.0.0", "HEALTH_CHECK_PORT", "9101"));
    assertThat(settings).isEqualTo(new HealthCheckSettings("0.0.0.0", 9101));
  }

  @Test
  void settingsRejectANonNumericPortWithAClearMessage() {
    assertThatThrownBy(() -> HealthCheckSettings.from(Map.of("HEALTH_CHECK_PORT", "nine")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HEALTH_CHECK_PORT must be a number, was 'nine'");
  }
}
