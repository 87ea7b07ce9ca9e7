package io.integrationhub.sender;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.health.actuator.DeliveryHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the sender from its environment: settings, event logger, metrics, the service and the
 * Actuator health component {@code mllpReceiver}. A configuration error stops the start-up with a
 * message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
class SenderConfiguration {

  @Bean
  SenderSettings senderSettings(Environment environment) {
    return SenderSettings.from(environment::getProperty);
  }

  /** Closed by {@link SenderService#stop()}, not by the context (no double close). */
  @Bean(destroyMethod = "")
  EventLogger senderEventLogger(Environment environment) {
    return EventLogger.create(EventLoggerSettings.from(environment::getProperty));
  }

  @Bean
  DeliveryHealth receiverDeliveryHealth() {
    return new DeliveryHealth();
  }

  @Bean
  SenderMetrics senderMetrics(MeterRegistry registry, SenderSettings settings) {
    return new SenderMetrics(registry, settings);
  }

  @Bean
  SenderService senderService(
      SenderSettings settings,
      ObjectProvider<MessageBus> bus,
      EventLogger senderEventLogger,
      SenderMetrics metrics,
      DeliveryHealth receiverDeliveryHealth)
      throws MessageBusException {
    MessageBus messageBus = bus.getIfAvailable();
    if (messageBus == null) {
      throw new IllegalStateException("No message bus is configured (MESSAGE_BUS=none)");
    }
    return new SenderService(
        settings,
        messageBus,
        senderEventLogger,
        metrics,
        receiverDeliveryHealth,
        SenderService.processorOptions(settings).build());
  }

  @Bean
  HealthIndicator mllpReceiverHealthIndicator(
      SenderSettings settings, DeliveryHealth receiverDeliveryHealth) {
    return new DeliveryHealthIndicator(
        "MLLP " + SenderService.target(settings), receiverDeliveryHealth);
  }
}
