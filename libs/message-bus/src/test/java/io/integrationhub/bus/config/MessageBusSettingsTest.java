package io.integrationhub.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.config.MessageBusSettings.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageBusSettingsTest {
  private static final String EMULATOR =
      "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;"
          + "SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

  @Test
  void noCloudConfigurationMeansTheEmbeddedArtemisBrokerWithDefaults() {
    MessageBusSettings settings = settings(Map.of());

    assertThat(settings.kind()).isEqualTo(Kind.ARTEMIS);
    assertThat(settings.artemisUrl()).isEmpty();
    assertThat(settings.artemisDataDir()).isEqualTo(Path.of("data", "artemis"));
    assertThat(settings.artemisAcceptorPort()).isEmpty();
    assertThat(settings.topologyFile()).isEmpty();
    assertThat(settings.maxMessageBytes()).isEqualTo(104_857_600);
    assertThat(settings.serviceBusConnectionString()).isEmpty();
    assertThat(settings.serviceBusNamespace()).isEmpty();
    assertThat(settings.managedIdentityClientId()).isEmpty();
  }

  @Test
  void aConnectionStringOrANamespaceSelectsServiceBus() {
    assertThat(settings(Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR)).kind())
        .isEqualTo(Kind.SERVICE_BUS);
    MessageBusSettings byNamespace =
        settings(
            Map.of(
                "SERVICE_BUS_NAMESPACE", " inthub-dev ",
                "SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID", "00000000-0000-0000-0000-000000000001"));
    assertThat(byNamespace.kind()).isEqualTo(Kind.SERVICE_BUS);
    assertThat(byNamespace.serviceBusNamespace()).contains("inthub-dev");
    assertThat(byNamespace.managedIdentityClientId())
        .contains("00000000-0000-0000-0000-000000000001");
  }

  @Test
  void blankValuesCountAsAbsent() {
    MessageBusSettings settings =
        settings(
            Map.of(
                "MESSAGE_BUS", " ",
                "SERVICE_BUS_CONNECTION_STRING", "  ",
                "SERVICE_BUS_NAMESPACE", "",
                "ARTEMIS_URL", " ",
                "ARTEMIS_DATA_DIR", " ",
                "MESSAGE_BUS_MAX_MESSAGE_BYTES", ""));
    assertThat(settings.kind()).isEqualTo(Kind.ARTEMIS);
    assertThat(settings.artemisUrl()).isEmpty();
    assertThat(settings.artemisDataDir()).isEqualTo(MessageBusSettings.DEFAULT_ARTEMIS_DATA_DIR);
    assertThat(settings.maxMessageBytes()).isEqualTo(MessageBusSettings.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @Test
  void anExplicitMessageBusWinsOverTheDefaultRule() {
    MessageBusSettings settings =
        settings(Map.of("MESSAGE_BUS", "Artemis", "SERVICE_BUS_CONNECTION_STRING", EMULATOR));
    assertThat(settings.kind()).isEqualTo(Kind.ARTEMIS);
    assertThat(settings(Map.of("MESSAGE_BUS", " NONE ")).kind()).isEqualTo(Kind.NONE);
  }

  @Test
  void bothServiceBusValuesAreKeptTheConnectionStringWinsInTheAdapter() {
    MessageBusSettings settings =
        settings(
            Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR, "SERVICE_BUS_NAMESPACE", "inthub"));
    assertThat(settings.serviceBusConnectionString()).contains(EMULATOR.trim());
    assertThat(settings.serviceBusNamespace()).contains("inthub");
  }

  @Test
  void serviceBusWithoutConnectionStringOrNamespaceIsRefused() {
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS", "servicebus")))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessage(
            "MESSAGE_BUS=servicebus: one of SERVICE_BUS_CONNECTION_STRING /"
                + " SERVICE_BUS_NAMESPACE is required");
  }

  @Test
  void anUnknownBusIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS", "kafka")))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessage("MESSAGE_BUS must be one of artemis, servicebus, none; was 'kafka'");
  }

  @Test
  void artemisValuesAreRead() {
    MessageBusSettings settings =
        settings(
            Map.of(
                "ARTEMIS_URL", "tcp://broker:61616",
                "ARTEMIS_DATA_DIR", "/var/lib/hub/artemis",
                "ARTEMIS_ACCEPTOR_PORT", "61616",
                "MESSAGE_BUS_TOPOLOGY_FILE", "local/ServiceBusEmulatorConfig.json",
                "MESSAGE_BUS_MAX_MESSAGE_BYTES", "1048576"));
    assertThat(settings.kind()).isEqualTo(Kind.ARTEMIS);
    assertThat(settings.artemisUrl()).contains("tcp://broker:61616");
    assertThat(settings.artemisDataDir()).isEqualTo(Path.of("/var/lib/hub/artemis"));
    assertThat(settings.artemisAcceptorPort()).contains(61616);
    assertThat(settings.topologyFile()).contains(Path.of("local/ServiceBusEmulatorConfig.json"));
    assertThat(settings.maxMessageBytes()).isEqualTo(1_048_576);
  }

  @Test
  void malformedNumbersAreRefusedNamingTheVariable() {
    assertThatThrownBy(() -> settings(Map.of("ARTEMIS_ACCEPTOR_PORT", "sixty")))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessage("ARTEMIS_ACCEPTOR_PORT must be a whole number, was 'sixty'");
    assertThatThrownBy(() -> settings(Map.of("ARTEMIS_ACCEPTOR_PORT", "70000")))
        .hasMessage("ARTEMIS_ACCEPTOR_PORT must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS_MAX_MESSAGE_BYTES", "0")))
        .hasMessage("MESSAGE_BUS_MAX_MESSAGE_BYTES must be between 1 and 104857600, was 0");
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS_MAX_MESSAGE_BYTES", "104857601")))
        .hasMessageStartingWith("MESSAGE_BUS_MAX_MESSAGE_BYTES must be between");
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS_MAX_MESSAGE_BYTES", "1e6")))
        .hasMessage("MESSAGE_BUS_MAX_MESSAGE_BYTES must be a whole number, was '1e6'");
  }

  @Test
  void anInvalidPathIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> settings(Map.of("MESSAGE_BUS_TOPOLOGY_FILE", "bad\0path")))
        .isInstanceOf(InvalidBusConfigurationException.class)
        .hasMessageStartingWith("MESSAGE_BUS_TOPOLOGY_FILE is not a valid path");
  }

  @Test
  void toStringNeverShowsTheConnectionString() {
    String text = settings(Map.of("SERVICE_BUS_CONNECTION_STRING", EMULATOR)).toString();
    assertThat(text).doesNotContain("SAS_KEY_VALUE").contains("<redacted>").contains("servicebus");
    assertThat(settings(Map.of()).toString()).contains("artemisUrl=embedded");
  }

  @Test
  void kindValuesMatchTheAdapterNames() {
    assertThat(Kind.ARTEMIS.value()).isEqualTo("artemis");
    assertThat(Kind.SERVICE_BUS.value()).isEqualTo("servicebus");
    assertThat(Kind.NONE.value()).isEqualTo("none");
    assertThat(
            new MessageBusSettings(
                    Kind.ARTEMIS,
                    Optional.of(" "),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(""),
                    Path.of("x"),
                    Optional.empty(),
                    Optional.empty(),
                    10)
                .serviceBusConnectionString())
        .isEmpty();
  }

  private static MessageBusSettings settings(Map<String, String> env) {
    return MessageBusSettings.from(new HashMap<>(env)::get);
  }
}
