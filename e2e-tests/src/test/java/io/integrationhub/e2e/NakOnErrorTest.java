package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.e2e.HubFixture.Received;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code NAK_ON_ERROR=true} a rejected message gets {@code AE} on a connection that stays
 * open; the valid message sent after it on the same connection reaches MPI, the rejected one never
 * does.
 */
@Timeout(180)
class NakOnErrorTest {

  @Test
  void rejectedMessageGetsAeAndOnlyTheValidOneReachesMpi() throws Exception {
    try (HubFixture hub = HubFixture.start("phw", Map.of("NAK_ON_ERROR", "true"))) {
      String sample = Hl7.sample("phw-to-mpi.hl7");
      // PHW rule P3: the year of birth must be 1800 or later
      String invalid =
          Hl7.withField(Hl7.withField(sample, "MSH", 10, "E2ENAK1"), "PID", 7, "17991231");
      String valid = Hl7.withField(sample, "MSH", 10, "E2EOK1");
      try (RawMllpClient client = hub.connect()) {
        client.sendFrame(invalid);
        String nak = client.readFrame(Duration.ofSeconds(30));
        assertThat(Hl7.value(nak, "MSA.1")).isEqualTo("AE");
        assertThat(Hl7.value(nak, "MSA.2")).isEqualTo("E2ENAK1");
        assertThat(Hl7.value(nak, "MSA.3")).contains("PID.7");

        client.sendFrame(valid);
        String ack = client.readFrame(Duration.ofSeconds(30));
        FlowTestBase.assertAa(ack, "E2EOK1");
      }
      List<Received> received = hub.awaitReceived(1, Duration.ofSeconds(60));
      Thread.sleep(FlowTestBase.QUIET.toMillis());
      assertThat(hub.received()).extracting(Received::controlId).containsExactly("E2EOK1");
      assertThat(received.get(0).message()).doesNotContain("17991231");
    }
  }
}
