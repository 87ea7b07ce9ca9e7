package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.e2e.HubFixture.Received;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code local/sample_messages/*.hl7} is a valid message of its flow: its flow's server (from
 * the file name, {@code <flow>-to-mpi.hl7} or {@code mpi-to-topic.hl7}) ACKs it {@code AA}, and for
 * flows to MPI the message reaches the mock MPI with no service reporting a failure (so the
 * transformers take it too).
 */
@Timeout(180)
class SampleMessagesTest {

  static List<String> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(Hl7.samplesDirectory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".hl7"))
          .sorted()
          .toList();
    }
  }

  @Test
  void thereIsOneSampleForEveryFlowAndTheMpiServer() throws IOException {
    assertThat(sampleFiles())
        .containsExactlyInAnyOrder(
            "chemo-to-mpi.hl7",
            "mosaiq-to-mpi.hl7",
            "mpi-to-topic.hl7",
            "paris-to-mpi.hl7",
            "phw-to-mpi.hl7",
            "pims-to-mpi.hl7");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleFiles")
  void sampleIsAckedAaByItsFlowsServer(String file) throws Exception {
    String message = Hl7.sample(file);
    assertThat(message).startsWith("MSH|^~\\&|").doesNotContain("\n");
    String controlId = Hl7.value(message, "MSH.10");
    boolean toMpi = file.endsWith("-to-mpi.hl7");
    String flow = toMpi ? file.substring(0, file.indexOf("-to-mpi.hl7")) : "mpi";
    assertThat(file).isIn(flow + "-to-mpi.hl7", "mpi-to-topic.hl7");
    try (HubFixture hub = toMpi ? HubFixture.start(flow) : HubFixture.serverOnly(flow)) {
      Optional<String> ack = hub.sendOnce(message);
      assertThat(ack).as("ACK; failures %s", hub.failures()).isPresent();
      FlowTestBase.assertAa(ack.get(), controlId);
      if (toMpi) {
        List<Received> received = hub.awaitReceived(1, Duration.ofSeconds(60));
        assertThat(received).extracting(Received::controlId).containsExactly(controlId);
        assertThat(received.get(0).reply()).isEqualTo("AA");
      }
      assertThat(hub.failures()).isEmpty();
    }
  }

  @Test
  void aFinalCrOrCrLfIsAcceptedButAFinalLfIsNot() throws Exception {
    String message = Hl7.sample("paris-to-mpi.hl7");
    try (HubFixture hub = HubFixture.serverOnly("paris")) {
      FlowTestBase.assertAa(hub.sendOnce(message + "\r").orElseThrow(), "PARISSAMPLE01");
      FlowTestBase.assertAa(hub.sendOnce(message + "\r\n").orElseThrow(), "PARISSAMPLE01");
      assertThat(hub.sendOnce(message + "\n")).isEmpty();
    }
  }
}
