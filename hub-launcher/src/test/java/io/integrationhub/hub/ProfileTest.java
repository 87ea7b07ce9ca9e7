package io.integrationhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The profiles agree with the env files and modules they name. */
class ProfileTest {

  private final HubLayout layout = HubLayout.from(Map.of());
  private final ServiceProcesses processes = new ServiceProcesses(layout, Map.of());

  @Test
  void theReferenceProfilesExist() {
    assertThat(Profile.ALL)
        .extracting(Profile::name)
        .contains("phw-to-mpi", "paris-to-mpi", "chemo-to-mpi", "pims-to-mpi", "mosaiq-to-mpi");
  }

  @Test
  void everyServiceHasItsEnvFileModuleAndSampleMessage() {
    for (Profile profile : Profile.ALL) {
      assertThat(profile.services()).contains(ServiceSpec.BROKER, ServiceSpec.MOCK_MPI);
      assertThat(layout.local().resolve("sample_messages").resolve(profile.sampleFile()))
          .isRegularFile();
      for (ServiceSpec service : profile.services()) {
        if (!service.isBroker()) {
          assertThat(layout.envFile(service)).as(service.name()).isRegularFile();
          assertThat(layout.root().resolve(service.module()).resolve("pom.xml")).isRegularFile();
        }
      }
    }
  }

  @Test
  void healthAndMllpPortsDoNotClash() {
    Map<Integer, String> owners = new HashMap<>();
    for (ServiceSpec service : Profile.allServices()) {
      Set<Integer> ports = new HashSet<>();
      ports.add(processes.healthPort(service));
      ServiceSpec.port(processes.variables(service), "PORT").ifPresent(ports::add);
      ServiceSpec.port(processes.variables(service), "MANAGEMENT_PORT").ifPresent(ports::add);
      for (int port : ports) {
        String previous = owners.putIfAbsent(port, service.name());
        assertThat(previous).as("port %d of %s", port, service.name()).isNull();
      }
    }
  }

  @Test
  void servicesUseTheSharedBrokerAndTheMockKeepsAJournal() {
    Map<String, String> sender = processes.variables(ServiceSpec.SENDER);
    assertThat(sender)
        .containsEntry("ARTEMIS_URL", "tcp://127.0.0.1:61616")
        .containsEntry("MESSAGE_BUS", "artemis")
        .doesNotContainKey("MESSAGE_BUS_TOPOLOGY_FILE");
    assertThat(processes.variables(ServiceSpec.MOCK_MPI))
        .containsEntry("RECEIVED_MESSAGES_FILE", layout.mpiJournal().toString());
  }

  @Test
  void unknownCommandsAndProfilesAreClearErrors() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Hub hub = new Hub(layout, Map.of(), new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(hub.run(List.of("up", "nowhere-to-mpi"))).isEqualTo(2);
    assertThat(hub.run(List.of("frobnicate"))).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("Unknown profile 'nowhere-to-mpi'")
        .contains("phw-to-mpi")
        .contains("Usage: local/hub");
  }

  @Test
  void sampleMessagesAreReadWithCarriageReturnSeparators() throws Exception {
    var file = Files.createTempFile("sample", ".hl7");
    Files.writeString(file, "MSH|^~\\&|A\r\nPID|1\nPV1|1\n");

    assertThat(MessageSend.readMessage(file)).isEqualTo("MSH|^~\\&|A\rPID|1\rPV1|1");
    assertThat(MessageSend.ackCode("MSH|^~\\&|x\rMSA|AE|1")).contains("AE");
    Files.delete(file);
  }
}
