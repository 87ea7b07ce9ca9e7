package io.integrationhub.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.servicebus.ServiceBusOptions;
import io.integrationhub.bus.topology.BusTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBusFactoryTest {
  private static final String EMULATOR =
      "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;"
          + "SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

  @TempDir Path directory;

  @Test
  void mapsTheSettingsToTheArtemisOptions() throws Exception {
    Path topologyFile = TopologyFiles.withQueue(directory, "local-inthub-mpi-mock-receiver");
    MessageBusSettings settings =
        MessageBusSettings.from(
            Map.of(
                    "ARTEMIS_URL", "tcp://broker:61616",
                    "ARTEMIS_DATA_DIR", directory.resolve("artemis").toString(),
                    "ARTEMIS_ACCEPTOR_PORT", "61617",
                    "MESSAGE_BUS_TOPOLOGY_FILE", topologyFile.toString(),
                    "MESSAGE_BUS_MAX_MESSAGE_BYTES", "2048")
                ::get);
    Optional<BusTopology> topology = MessageBusFactory.readTopology(settings);

    ArtemisOptions options = MessageBusFactory.artemisOptions(settings, topology);

    assertThat(options.brokerUrl()).contains("tcp://broker:61616");
    assertThat(options.dataDirectory()).isEqualTo(directory.resolve("artemis"));
    assertThat(options.acceptorPort()).contains(61617);
    assertThat(options.maxMessageBytes()).isEqualTo(2048);
    assertThat(options.topology()).isEqualTo(topology);
    assertThat(topology.orElseThrow().queue("local-inthub-mpi-mock-receiver")).isPresent();
    assertThat(options.persistent()).isTrue();
  }

  @Test
  void mapsTheSettingsToTheServiceBusOptions() {
    MessageBusSettings settings =
        MessageBusSettings.from(
            Map.of(
                    "SERVICE_BUS_NAMESPACE", "inthub-dev",
                    "SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID", "client-1",
                    "MESSAGE_BUS_MAX_MESSAGE_BYTES", "4096")
                ::get);

    ServiceBusOptions options = MessageBusFactory.serviceBusOptions(settings, Optional.empty());

    assertThat(options.connectionString()).isEmpty();
    assertThat(options.namespace()).contains("inthub-dev");
    assertThat(options.managedIdentityClientId()).contains("client-1");
    assertThat(options.maxMessageBytes()).isEqualTo(4096);
    assertThat(options.authentication())
        .isEqualTo(
            new ServiceBusOptions.Authentication.EntraId(
                "inthub-dev.servicebus.windows.net", Optional.of("client-1")));
  }

  @Test
  void theConnectionStringWinsOverTheNamespace() {
    MessageBusSettings settings =
        MessageBusSettings.from(
            Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR, "SERVICE_BUS_NAMESPACE", "inthub")
                ::get);

    ServiceBusOptions options = MessageBusFactory.serviceBusOptions(settings, Optional.empty());

    assertThat(options.authentication())
        .isInstanceOf(ServiceBusOptions.Authentication.ConnectionString.class);
  }

  @Test
  void createsTheServiceBusAdapterWithoutConnectingYet() throws Exception {
    MessageBusSettings settings =
        MessageBusSettings.from(Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR)::get);
    try (MessageBus bus = MessageBusFactory.create(settings)) {
      assertThat(bus.kind()).isEqualTo("servicebus");
    }
  }

  @Test
  void startsTheEmbeddedArtemisBrokerWithTheTopology() throws Exception {
    Path topologyFile = TopologyFiles.withQueue(directory, "local-inthub-mpi-mock-receiver");
    MessageBusSettings settings =
        MessageBusSettings.from(
            Map.of(
                    "ARTEMIS_DATA_DIR", directory.resolve("artemis").toString(),
                    "MESSAGE_BUS_TOPOLOGY_FILE", topologyFile.toString())
                ::get);

    try (MessageBus bus = MessageBusFactory.create(settings)) {
      assertThat(bus.kind()).isEqualTo("artemis");
      try (MessagePublisher publisher =
          bus.publisher(Destination.queue("local-inthub-mpi-mock-receiver"))) {
        publisher.publish(OutboundMessage.builder("MSH|^~\\&|A").build());
      }
      try (SessionReceiver receiver =
          bus.receiver(Source.queue("local-inthub-mpi-mock-receiver"), Optional.empty())) {
        List<ReceivedMessage> received = receiver.receive(1, Duration.ofSeconds(5));
        assertThat(received).extracting(ReceivedMessage::body).containsExactly("MSH|^~\\&|A");
        received.get(0).complete();
      }
    }
    assertThat(directory.resolve("artemis")).isDirectory();
  }

  @Test
  void noneIsRefused() {
    MessageBusSettings settings = MessageBusSettings.from(Map.of("MESSAGE_BUS", "none")::get);
    assertThatThrownBy(() -> MessageBusFactory.create(settings))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessage("MESSAGE_BUS=none: no message bus is configured");
  }

  @Test
  void aMissingOrInvalidTopologyFileIsRefusedNamingTheVariable() throws Exception {
    MessageBusSettings missing =
        MessageBusSettings.from(
            Map.of("MESSAGE_BUS_TOPOLOGY_FILE", directory.resolve("nope.json").toString())::get);
    assertThatThrownBy(() -> MessageBusFactory.create(missing))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessageStartingWith("MESSAGE_BUS_TOPOLOGY_FILE ")
        .hasMessageEndingWith("nope.json is not a readable file");

    Path invalid = directory.resolve("invalid.json");
    Files.writeString(invalid, "{not json", StandardCharsets.UTF_8);
    MessageBusSettings broken =
        MessageBusSettings.from(Map.of("MESSAGE_BUS_TOPOLOGY_FILE", invalid.toString())::get);
    assertThatThrownBy(() -> MessageBusFactory.readTopology(broken))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessageStartingWith("MESSAGE_BUS_TOPOLOGY_FILE " + invalid + " cannot be read: ");

    assertThat(
            MessageBusFactory.readTopology(MessageBusSettings.from(Map.<String, String>of()::get)))
        .isEmpty();
  }
}
