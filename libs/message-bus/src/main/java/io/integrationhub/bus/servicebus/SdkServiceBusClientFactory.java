package io.integrationhub.bus.servicebus;

import com.azure.core.amqp.AmqpTransportType;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusReceiverClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusSenderClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusSessionReceiverClientBuilder;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.servicebus.ServiceBusOptions.Authentication;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK-backed {@link ServiceBusClientFactory}: ONE {@link ServiceBusClientBuilder} configured
 * once (connection string, or namespace plus token credential; retry options), from which every
 * sender and receiver is built, so they share one AMQP connection that the SDK re-opens by itself
 * when it drops (no "rebuild the whole client" as in the reference, whose rebuild closed clients
 * other threads still held).
 *
 * <p>Keep-alive: the Java SDK has no keep-alive option. azure-core-amqp 2.10.0 hard-codes a 60 s
 * AMQP idle time-out on every connection ({@code ConnectionHandler.CONNECTION_IDLE_TIMEOUT =
 * 60000}, set with {@code Transport.setIdleTimeout} in {@code addTransportLayers}): the broker must
 * send a frame at least that often and proton-j answers the broker's own idle time-out with empty
 * frames, so an idle connection is kept open by heartbeats (the reference had to add a 30 s
 * keep-alive to the Python SDK for the same effect), and a dead one is detected and re-opened.
 */
final class SdkServiceBusClientFactory implements ServiceBusClientFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SdkServiceBusClientFactory.class);

  private final ServiceBusOptions options;
  private final ServiceBusClientBuilder builder;
  private final Supplier<ServiceBusAdministrationClientBuilder> administrationBuilders;
  private final Optional<TokenCredential> credential;
  private boolean administrationResolved;
  private Optional<ServiceBusAdministrationClient> administration = Optional.empty();

  SdkServiceBusClientFactory(
      ServiceBusOptions options,
      ServiceBusClientBuilder builder,
      Supplier<ServiceBusAdministrationClientBuilder> administrationBuilders,
      Function<Authentication.EntraId, TokenCredential> credentials) {
    this.options = options;
    this.builder = builder;
    this.administrationBuilders = administrationBuilders;
    Authentication authentication = options.authentication();
    switch (authentication) {
      case Authentication.ConnectionString sas -> {
        this.credential = Optional.empty();
        builder.connectionString(sas.value());
        LOG.info("Service Bus: connection string authentication (emulator: {})", sas.emulator());
      }
      case Authentication.EntraId entra -> {
        TokenCredential token = credentials.apply(entra);
        this.credential = Optional.of(token);
        builder.credential(entra.fullyQualifiedNamespace(), token);
        LOG.info(
            "Service Bus: Entra ID authentication to {} with {}",
            entra.fullyQualifiedNamespace(),
            entra.managedIdentityClientId().isPresent()
                ? "a user-assigned managed identity"
                : "DefaultAzureCredential");
      }
    }
    builder.transportType(AmqpTransportType.AMQP);
    builder.retryOptions(options.retryOptions());
  }

  static SdkServiceBusClientFactory create(ServiceBusOptions options) {
    return new SdkServiceBusClientFactory(
        options,
        new ServiceBusClientBuilder(),
        ServiceBusAdministrationClientBuilder::new,
        SdkServiceBusClientFactory::credential);
  }

  /** A managed identity credential for the configured client id, else DefaultAzureCredential. */
  static TokenCredential credential(Authentication.EntraId entra) {
    return entra
        .managedIdentityClientId()
        .<TokenCredential>map(id -> new ManagedIdentityCredentialBuilder().clientId(id).build())
        .orElseGet(() -> new DefaultAzureCredentialBuilder().build());
  }

  @Override
  public synchronized ServiceBusSenderAsyncClient sender(Destination destination) {
    ServiceBusSenderClientBuilder sender = builder.sender();
    switch (destination.kind()) {
      case QUEUE -> sender.queueName(destination.name());
      case TOPIC -> sender.topicName(destination.name());
    }
    return sender.buildAsyncClient();
  }

  @Override
  public synchronized ServiceBusReceiverClient receiver(Source source) {
    ServiceBusReceiverClientBuilder receiver =
        builder
            .receiver()
            .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
            .prefetchCount(0)
            .disableAutoComplete()
            .maxAutoLockRenewDuration(options.maxAutoLockRenewDuration());
    if (source.isSubscription()) {
      receiver.topicName(source.entity()).subscriptionName(source.subscription().orElseThrow());
    } else {
      receiver.queueName(source.entity());
    }
    return receiver.buildClient();
  }

  @Override
  public synchronized ServiceBusSessionReceiverClient sessionReceiver(Source source) {
    ServiceBusSessionReceiverClientBuilder receiver =
        builder
            .sessionReceiver()
            .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
            .prefetchCount(0)
            .disableAutoComplete()
            .maxAutoLockRenewDuration(options.maxAutoLockRenewDuration());
    if (source.isSubscription()) {
      receiver.topicName(source.entity()).subscriptionName(source.subscription().orElseThrow());
    } else {
      receiver.queueName(source.entity());
    }
    return receiver.buildClient();
  }

  @Override
  public synchronized Optional<ServiceBusAdministrationClient> administration() {
    if (!administrationResolved) {
      administration = buildAdministration();
      administrationResolved = true;
    }
    return administration;
  }

  private Optional<ServiceBusAdministrationClient> buildAdministration() {
    return switch (options.authentication()) {
      case Authentication.ConnectionString sas when sas.emulator() -> Optional.empty();
      case Authentication.ConnectionString sas ->
          Optional.of(administrationBuilders.get().connectionString(sas.value()).buildClient());
      case Authentication.EntraId entra ->
          Optional.of(
              administrationBuilders
                  .get()
                  .credential(entra.fullyQualifiedNamespace(), credential.orElseThrow())
                  .buildClient());
    };
  }
}
