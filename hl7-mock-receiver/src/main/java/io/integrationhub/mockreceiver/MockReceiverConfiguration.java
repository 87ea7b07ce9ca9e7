package io.integrationhub.mockreceiver;

import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.ProcessingIdPolicy;
import io.integrationhub.mllp.MllpServer;
import io.integrationhub.mllp.MllpServerConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the mock receiver from its environment variables. */
@Configuration(proxyBeanMethods = false)
class MockReceiverConfiguration {
  private static final Logger log = LoggerFactory.getLogger(MockReceiverConfiguration.class);

  @Bean
  MockReceiverSettings mockReceiverSettings(Environment environment) {
    MockReceiverSettings settings = MockReceiverSettings.from(environment::getProperty);
    settings
        .egressQueueName()
        .ifPresent(
            queue ->
                log.warn(
                    "EGRESS_QUEUE_NAME={} is set, but this build does not publish received"
                        + " messages to the bus yet; use RECEIVED_MESSAGES_FILE to see them",
                    queue));
    return settings;
  }

  @Bean
  MockReceiverService mockReceiverService(MockReceiverSettings settings) {
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
        new MllpServer(serverConfig, new MockMessageHandler(planner, settings, journal));
    return new MockReceiverService(
        server, new TcpHealthCheckServer(settings.healthCheck()), journal);
  }
}
