package io.integrationhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.EventType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcceptanceSmokeTest {

  static final String PHW_A31 =
      String.join(
          "\r",
          "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTRL0001|T|2.5",
          "EVN||20250502092900",
          "PID|||8888888^^^252^PI~4444444444^^^NHS^NH||TESTER^TEST^^^MR||19900101|F",
          "PD1|||SURGERY^^W00000",
          "PV1||U");

  @Test
  void acceptsPublishesThenAcks() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of())) {
      Optional<String> ack = server.send(PHW_A31);

      assertThat(ack).isPresent();
      assertThat(ack.get())
          .startsWith("MSH|^~\\&|100|100|252|252|")
          .contains("||ACK^A31^ACK|CTRL0001|T|2.5\rMSA|AA|CTRL0001\r");
      List<ReceivedMessage> published = server.drainEgress(5);
      assertThat(published).hasSize(1);
      ReceivedMessage message = published.get(0);
      assertThat(message.body()).isEqualTo(PHW_A31);
      assertThat(message.sessionId()).contains("phw-to-mpi");
      assertThat(message.messageId()).contains("CTRL0001");
      assertThat(message.properties())
          .containsEntry("WorkflowID", "phw-to-mpi")
          .containsEntry("SourceSystem", "252")
          .containsKeys("MessageReceivedAt", "CorrelationId");
      assertThat(server.events(EventType.MESSAGE_PROCESSED)).hasSize(1);
      assertThat(server.events(EventType.MESSAGE_FAILED)).isEmpty();
    }
  }
}
