package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpServerConnectionLimitTest {

  private static final Duration READ = Duration.ofSeconds(5);

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    try (MllpServer server =
            RecordingHandler.start(MllpServerConfig.builder().maxConnections(2).build(), handler);
        RawMllpClient first = RawMllpClient.connect(server.port())) {
      RawMllpClient second = RawMllpClient.connect(server.port());
      roundTrip(first, "MSH|1");
      roundTrip(second, "MSH|2");

      try (RawMllpClient third = RawMllpClient.connect(server.port())) {
        assertThat(third.awaitClosedByPeer(READ)).isTrue();
      }
      assertThat(server.activeConnections()).isEqualTo(2);
      roundTrip(first, "MSH|3");

      second.close();
      assertThat(Poll.until(() -> server.activeConnections() == 1, READ)).isTrue();
      try (RawMllpClient fourth = RawMllpClient.connect(server.port())) {
        roundTrip(fourth, "MSH|4");
      }
    }
  }

  @Test
  void manyIdleConnectionsDoNotStopAnotherConnectionBeingServed() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    List<RawMllpClient> idle = new ArrayList<>();
    try (MllpServer server = RecordingHandler.start(MllpServerConfig.builder().build(), handler)) {
      try {
        for (int i = 0; i < 200; i++) {
          idle.add(RawMllpClient.connect(server.port()));
        }
        try (RawMllpClient active = RawMllpClient.connect(server.port())) {
          for (int i = 0; i < 10; i++) {
            roundTrip(active, "MSH|" + i);
          }
          assertThat(Poll.until(() -> server.activeConnections() == 201, READ)).isTrue();
        }
      } finally {
        for (RawMllpClient client : idle) {
          client.close();
        }
      }
      assertThat(Poll.until(() -> server.activeConnections() == 0, READ)).isTrue();
    }
  }

  private static void roundTrip(RawMllpClient client, String message) throws IOException {
    client.sendFrame(message);
    assertThat(client.readFrame(READ)).isEqualTo("ACK|" + message);
  }
}
