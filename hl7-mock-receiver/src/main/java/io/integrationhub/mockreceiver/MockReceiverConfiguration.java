package io.integrationhub.mockreceiver;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.ProcessingIdPolicy;
import io.integrationhub.mllp.MllpServer;
import io.integrationhub.mllp.MllpServerConfig;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the mock receiver from its environment variables. The message bus (auto-configured by the
 * message-bus library from {@code MESSAGE_BUS}, {@code SERVICE_BUS_*}, {@code ARTEMIS_*}) is only
 * asked for when {@code EGRESS_QUEUE_NAME} is set; the bus bean is lazy, so without a queue no
 * broker is started or contacted.
 */
@Configuration(proxyBeanMethods = false)
class MockReceiverConfiguration {

  @Bean
  MockReceiverSettings mockReceiverSettings(Environment environment) {
    return MockReceiverSettings.from(environment::getProperty);
  }

  @Bean
  MockReceiverService mockReceiverService(
      MockReceiverSettings settings, ObjectProvider<MessageBus> messageBus) {
    return mockReceiverService(settings, () -> Optional.ofNullable(messageBus.getIfAvailable()));
  }

  /**
   * Builds the service.
   *
   * @param messageBus called only when {@code EGRESS_QUEUE_NAME} is set
   * @throws IllegalStateException when {@code EGRESS_QUEUE_NAME} is set but there is no bus
   */
  MockReceiverService mockReceiverService(
      MockReceiverSettings settings, Supplier<Optional<MessageBus>> messageBus) {
    Optional<EgressPublisher> egress =
        settings
            .egressQueueName()
            .map(
                queue ->
                    new EgressPublisher(
                        messageBus
                            .get()
                            .orElseThrow(
                                () ->
                                    new IllegalStateException(
                                        "EGRESS_QUEUE_NAME="
                                            + queue
                                            + " is set but no message bus is configured"
                                            + " (MESSAGE_BUS=none); unset EGRESS_QUEUE_NAME or"
                                            + " configure a bus")),
                        queue,
                        settings.egressSessionId()));
    Optional<ReceivedMessageJournal> journal =
        settings.receivedMessagesFile().map(ReceivedMessageJournal::new);
    ReplyPlanner planner =
        new ReplyPlanner(
            settings.ackRules(),
            new AckBuilder().withProcessingIdPolicy(ProcessingIdPolicy.FIXED_P));
    MllpServerConfig serverConfig =
        MllpServerConfig.builder()
            .host(settings.host())
            .port(settings.port())
            .maxFrameBytes(settings.maxMessageSizeBytes())
            .readIdleTimeout(settings.readTimeout())
            .maxConnections(settings.maxConnections())
            .build();
    MllpServer server =
        new MllpServer(serverConfig, new MockMessageHandler(planner, settings, journal, egress));
    return new MockReceiverService(
        server, new TcpHealthCheckServer(settings.healthCheck()), journal, egress);
  }
}
