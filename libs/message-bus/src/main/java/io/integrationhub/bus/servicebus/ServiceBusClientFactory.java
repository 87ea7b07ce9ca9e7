package io.integrationhub.bus.servicebus;

import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.Source;
import java.util.Optional;

/**
 * Creates the SDK clients the adapter uses. The production implementation ({@link
 * #create(ServiceBusOptions)}) builds them all from one {@code ServiceBusClientBuilder}; tests pass
 * Mockito mocks. Every receiver it hands out is peek-lock, prefetch 0, without auto-complete.
 */
public interface ServiceBusClientFactory {

  /** A sender for a queue or topic (not yet connected: the link opens on first use). */
  ServiceBusSenderAsyncClient sender(Destination destination);

  /** A non-session receiver for a queue or a topic subscription. */
  ServiceBusReceiverClient receiver(Source source);

  /** A session receiver factory for a queue or a topic subscription ({@code acceptSession}). */
  ServiceBusSessionReceiverClient sessionReceiver(Source source);

  /**
   * The management client, or empty where there is none (the emulator has no management API). Built
   * on first call.
   */
  Optional<ServiceBusAdministrationClient> administration();

  /** The SDK-backed factory for these options. */
  static ServiceBusClientFactory create(ServiceBusOptions options) {
    return SdkServiceBusClientFactory.create(options);
  }
}
