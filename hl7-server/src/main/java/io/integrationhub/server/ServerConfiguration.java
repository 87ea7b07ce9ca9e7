package io.integrationhub.server;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.store.MessageStoreClient;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.health.actuator.DeliveryHealthIndicator;
import io.integrationhub.health.actuator.ListenerHealthIndicator;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.validation.FlowValidator;
import io.integrationhub.hl7.validation.Hl7Validation;
import io.integrationhub.hl7.validation.StandardValidator;
import io.integrationhub.hl7.validation.ValidationSettings;
import io.integrationhub.mllp.MllpServer;
import io.integrationhub.mllp.MllpServerConfig;
import io.integrationhub.server.pipeline.InboundPipeline;
import io.integrationhub.server.pipeline.InboundPipeline.CheckedRule;
import io.integrationhub.server.rules.ConfigurationRules;
import io.integrationhub.server.rules.MpiOutboundRules;
import io.integrationhub.server.rules.PhwDateOfBirthRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the server from its environment: settings, event logger, validation, bus publishers, the
 * MLLP listener, the TCP probe and the Actuator health components {@code mllpListener} and {@code
 * messageBus}. Every configuration error stops the start-up with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

  @Bean
  ServerSettings serverSettings(Environment environment) {
    return ServerSettings.from(environment::getProperty);
  }

  @Bean
  EventLogger eventLogger(Environment environment) {
    return EventLogger.create(EventLoggerSettings.from(environment::getProperty));
  }

  @Bean
  DeliveryHealth busDeliveryHealth() {
    return new DeliveryHealth();
  }

  @Bean
  Hl7ServerService hl7ServerService(
      ServerSettings settings,
      Environment environment,
      ObjectProvider<MessageBus> messageBus,
      EventLogger events,
      DeliveryHealth busHealth)
      throws MessageBusException {
    MessageBus bus = messageBus.getIfAvailable();
    if (bus == null) {
      throw new IllegalStateException(
          "No message bus is configured (MESSAGE_BUS=none): the server needs one to publish to");
    }
    return create(
        settings,
        ValidationSettings.from(
            variables(
                environment, List.of(ValidationSettings.SCHEMA_DIR, ValidationSettings.STANDARD))),
        bus,
        events,
        busHealth);
  }

  /**
   * Builds the server (not started) from its settings, a bus and an event logger: what the Spring
   * bean does, callable from tests without a Spring context.
   *
   * @throws MessageBusException when the egress or message-store destination does not exist
   */
  static Hl7ServerService create(
      ServerSettings settings,
      ValidationSettings validation,
      MessageBus bus,
      EventLogger events,
      DeliveryHealth busHealth)
      throws MessageBusException {
    MessagePublisher egress = bus.publisher(destination(settings));
    Optional<MessageStoreClient> store = Optional.empty();
    if (settings.messageStoreQueue().isPresent()) {
      store =
          Optional.of(
              new MessageStoreClient(
                  bus.publisher(Destination.queue(settings.messageStoreQueue().get())),
                  settings.microserviceId(),
                  settings.peerService(),
                  settings.egressSessionId()));
    }
    InboundPipeline pipeline =
        new InboundPipeline(
            settings,
            rules(settings),
            xsdValidator(settings, validation),
            settings.standardVersion().map(StandardValidator::forVersion),
            events);
    Hl7MessageHandler handler =
        new Hl7MessageHandler(
            settings, pipeline, egress, store, events, new AckBuilder(), busHealth);
    MllpServerConfig.Builder config =
        MllpServerConfig.builder()
            .host(settings.host())
            .port(settings.port())
            .maxFrameBytes(settings.maxMessageSizeBytes())
            .readIdleTimeout(settings.readTimeout())
            .maxConnections(settings.maxConnections())
            .charset(StandardCharsets.UTF_8);
    settings.tls().ifPresent(tls -> config.tls(tls.toConfig()));
    return new Hl7ServerService(
        settings,
        new MllpServer(config.build(), handler),
        new TcpHealthCheckServer(settings.healthCheck()),
        egress,
        store,
        events);
  }

  @Bean
  HealthIndicator mllpListenerHealthIndicator(Hl7ServerService service) {
    return new ListenerHealthIndicator(
        () -> service.mllp().isRunning(),
        () -> service.mllp().port(),
        () -> service.mllp().activeConnections());
  }

  @Bean
  HealthIndicator messageBusHealthIndicator(ServerSettings settings, DeliveryHealth busHealth) {
    return new DeliveryHealthIndicator(
        (settings.egress().topic() ? "topic " : "queue ") + settings.egress().name(), busHealth);
  }

  static Destination destination(ServerSettings settings) {
    return settings.egress().topic()
        ? Destination.topic(settings.egress().name())
        : Destination.queue(settings.egress().name());
  }

  static List<CheckedRule> rules(ServerSettings settings) {
    List<CheckedRule> rules = new ArrayList<>();
    settings
        .hl7Version()
        .ifPresent(
            version ->
                rules.add(
                    new CheckedRule(
                        ConfigurationRules.version(version), Hl7ErrorCode.UNSUPPORTED_VERSION_ID)));
    if (!settings.sendingApps().isEmpty()) {
      rules.add(
          new CheckedRule(
              ConfigurationRules.sendingApplication(settings.sendingApps()),
              Hl7ErrorCode.TABLE_VALUE_NOT_FOUND));
    }
    String flow = settings.validationFlow().orElse("");
    if ("phw".equals(flow)) {
      rules.add(new CheckedRule(new PhwDateOfBirthRule(), Hl7ErrorCode.DATA_TYPE_ERROR));
    } else if ("mpi".equals(flow)) {
      rules.add(new CheckedRule(new MpiOutboundRules(), Hl7ErrorCode.UNSUPPORTED_EVENT_CODE));
    }
    return rules;
  }

  private static Optional<FlowValidator> xsdValidator(
      ServerSettings settings, ValidationSettings validation) {
    if (!settings.validatesXsd()) {
      return Optional.empty();
    }
    return Optional.of(
        Hl7Validation.from(validation).flow(settings.validationFlow().get()).warmUp());
  }

  private static Map<String, String> variables(Environment environment, List<String> names) {
    Map<String, String> values = new HashMap<>();
    for (String name : names) {
      String value = environment.getProperty(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    return values;
  }
}
