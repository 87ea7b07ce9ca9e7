package io.integrationhub.bus.config;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Exposes the {@link MessageBus} selected by the environment ({@link MessageBusSettings}) as a
 * bean, closed when the context closes.
 *
 * <ul>
 *   <li>{@code MESSAGE_BUS=none}: no {@code MessageBus} bean.
 *   <li>A {@code MessageBus} bean of the application's own replaces this one.
 *   <li>The bean is lazy: the embedded broker starts, or the Service Bus connection opens, when a
 *       bean first needs the bus, so an application that never asks for it opens nothing.
 * </ul>
 */
@AutoConfiguration
public class MessageBusAutoConfiguration {

  /** The settings, from the same names as properties or environment variables. */
  @Bean
  @ConditionalOnMissingBean
  public MessageBusSettings messageBusSettings(Environment environment) {
    return MessageBusSettings.from(environment::getProperty);
  }

  /** The bus; closed on context shutdown. */
  @Bean(destroyMethod = "close")
  @Lazy
  @ConditionalOnMissingBean
  @Conditional(MessageBusEnabled.class)
  public MessageBus messageBus(MessageBusSettings settings) throws MessageBusException {
    return MessageBusFactory.create(settings);
  }

  /** Matches unless {@code MESSAGE_BUS} is {@code none}. */
  static final class MessageBusEnabled extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      String value = context.getEnvironment().getProperty(MessageBusSettings.MESSAGE_BUS);
      if (value != null && value.trim().toLowerCase(Locale.ROOT).equals("none")) {
        return ConditionOutcome.noMatch("MESSAGE_BUS=none");
      }
      return ConditionOutcome.match(
          "MESSAGE_BUS=" + (value == null || value.isBlank() ? "(default)" : value.trim()));
    }
  }
}
