package io.integrationhub.transform.service;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.transform.FlowTransformer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spring wiring shared by the transformer services: import it and declare the flow's {@link
 * FlowTransformer} bean.
 */
@Configuration(proxyBeanMethods = false)
public class TransformerConfiguration {

  @Bean
  TransformerSettings transformerSettings(Environment environment) {
    return TransformerSettings.from(environment::getProperty);
  }

  /** Closed by {@link TransformerService#stop()}, not by the context (no double close). */
  @Bean(destroyMethod = "")
  EventLogger transformerEventLogger(Environment environment) {
    return EventLogger.create(EventLoggerSettings.from(environment::getProperty));
  }

  @Bean
  TransformerService transformerService(
      FlowTransformer transformer,
      TransformerSettings settings,
      ObjectProvider<MessageBus> bus,
      EventLogger transformerEventLogger)
      throws MessageBusException {
    MessageBus messageBus = bus.getIfAvailable();
    if (messageBus == null) {
      throw new IllegalStateException("No message bus is configured (MESSAGE_BUS=none)");
    }
    return new TransformerService(transformer, settings, messageBus, transformerEventLogger);
  }
}
