package io.integrationhub.bus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MessageBusAutoConfigurationTest {
  private static final String QUEUE = "local-inthub-mpi-mock-receiver";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MessageBusAutoConfiguration.class));

  @TempDir Path directory;

  @Test
  void isRegisteredAsAnAutoConfiguration() throws Exception {
    try (var in =
        getClass()
            .getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains(MessageBusAutoConfiguration.class.getName());
    }
  }

  @Test
  void buildsTheEmbeddedArtemisBusFromPropertiesOnFirstUseAndClosesItWithTheContext()
      throws Exception {
    Path dataDir = directory.resolve("artemis");
    Path topology = TopologyFiles.withQueue(directory, QUEUE);
    MessageBus[] seen = new MessageBus[1];
    runner
        .withPropertyValues(
            "MESSAGE_BUS=artemis",
            "ARTEMIS_DATA_DIR=" + dataDir,
            "MESSAGE_BUS_TOPOLOGY_FILE=" + topology)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(MessageBusSettings.class);
              // Lazy: nothing started until a bean asks for the bus.
              assertThat(context.getBeanFactory().containsSingleton("messageBus")).isFalse();
              assertThat(dataDir).doesNotExist();

              MessageBus bus = context.getBean(MessageBus.class);
              seen[0] = bus;
              assertThat(bus.kind()).isEqualTo("artemis");
              try (MessagePublisher publisher = bus.publisher(Destination.queue(QUEUE))) {
                publisher.publish(OutboundMessage.builder("MSH|^~\\&|A").build());
              }
            });
    assertThatThrownBy(() -> seen[0].publisher(Destination.queue(QUEUE)))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void noBusWhenMessageBusIsNone() {
    runner
        .withPropertyValues("MESSAGE_BUS=None")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(MessageBus.class);
              assertThat(context.getBean(MessageBusSettings.class).kind())
                  .isEqualTo(MessageBusSettings.Kind.NONE);
            });
  }

  @Test
  void anApplicationsOwnBusWins() {
    MessageBus own = mock(MessageBus.class);
    runner
        .withBean(MessageBus.class, () -> own)
        .run(context -> assertThat(context).getBean(MessageBus.class).isSameAs(own));
  }

  @Test
  void anApplicationsOwnSettingsAreUsed() {
    runner
        .withUserConfiguration(NoneSettings.class)
        .withPropertyValues("SERVICE_BUS_NAMESPACE=ignored")
        .run(
            context ->
                assertThat(context.getBean(MessageBusSettings.class).kind())
                    .isEqualTo(MessageBusSettings.Kind.NONE));
  }

  @Test
  void invalidSettingsFailTheStartNamingTheVariable() {
    runner
        .withPropertyValues("MESSAGE_BUS=servicebus")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidBusConfigurationException.class)
                    .hasMessageContaining(
                        "one of SERVICE_BUS_CONNECTION_STRING / SERVICE_BUS_NAMESPACE is required"));
  }

  @Test
  void selectsServiceBusWhenAConnectionStringIsSet() {
    runner
        .withPropertyValues(
            "SERVICE_BUS_CONNECTION_STRING=Endpoint=sb://localhost;SharedAccessKeyName=Root"
                + "ManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(MessageBus.class).kind()).isEqualTo("servicebus");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class NoneSettings {
    @Bean
    MessageBusSettings messageBusSettings() {
      return MessageBusSettings.from(java.util.Map.of("MESSAGE_BUS", "none")::get);
    }
  }
}
