package io.integrationhub.bus.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.ManagedIdentityCredential;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdkServiceBusClientFactoryTest {
  final ServiceBusClientBuilder builder = mock(ServiceBusClientBuilder.class, RETURNS_SELF);
  final ServiceBusAdministrationClientBuilder adminBuilder =
      mock(ServiceBusAdministrationClientBuilder.class, RETURNS_SELF);
  final ServiceBusAdministrationClient admin = mock(ServiceBusAdministrationClient.class);
  final TokenCredential token = mock(TokenCredential.class);
  final List<Authentication.EntraId> credentialRequests = new ArrayList<>();

  SdkServiceBusClientFactory factory(ServiceBusOptions options) {
    when(adminBuilder.buildClient()).thenReturn(admin);
    return new SdkServiceBusClientFactory(
        options,
        builder,
        () -> adminBuilder,
        entra -> {
          credentialRequests.add(entra);
          return token;
        });
  }

  @Test
  void connectionStringConfiguresTheSharedBuilderWithoutACredential() {
    factory(ServiceBusOptions.builder().connectionString(ServiceBusOptionsTest.AZURE).build());

    verify(builder).connectionString(ServiceBusOptionsTest.AZURE);
    verify(builder, never()).credential(anyString(), any(TokenCredential.class));
    assertThat(credentialRequests).isEmpty();
  }

  @Test
  void namespaceConfiguresATokenCredentialForTheFullyQualifiedNamespace() {
    factory(ServiceBusOptions.builder().namespace("inthub").build());

    verify(builder).credential("inthub.servicebus.windows.net", token);
    verify(builder, never()).connectionString(anyString());
    assertThat(credentialRequests)
        .containsExactly(
            new Authentication.EntraId("inthub.servicebus.windows.net", Optional.empty()));
  }

  @Test
  void retryOptionsGoToTheBuilder() {
    AmqpRetryOptions retry = new AmqpRetryOptions().setMaxRetries(2);
    factory(ServiceBusOptions.builder().namespace("ns").retryOptions(retry).build());

    verify(builder).retryOptions(eq(retry));
  }

  @Test
  void withoutAClientIdTheCredentialIsDefaultAzureCredential() {
    TokenCredential credential =
        SdkServiceBusClientFactory.credential(
            new Authentication.EntraId("ns.servicebus.windows.net", Optional.empty()));

    assertThat(credential).isInstanceOf(DefaultAzureCredential.class);
  }

  @Test
  void withAClientIdTheCredentialIsThatManagedIdentity() {
    TokenCredential credential =
        SdkServiceBusClientFactory.credential(
            new Authentication.EntraId("ns.servicebus.windows.net", Optional.of("client-1")));

    assertThat(credential).isInstanceOf(ManagedIdentityCredential.class);
    assertThat(((ManagedIdentityCredential) credential).getClientId()).isEqualTo("client-1");
  }

  @Test
  void sendersAreBuiltForQueuesAndTopics() {
    ServiceBusSenderClientBuilder senderBuilder =
        mock(ServiceBusSenderClientBuilder.class, RETURNS_SELF);
    ServiceBusSenderAsyncClient sender = mock(ServiceBusSenderAsyncClient.class);
    when(builder.sender()).thenReturn(senderBuilder);
    when(senderBuilder.buildAsyncClient()).thenReturn(sender);
    SdkServiceBusClientFactory factory =
        factory(ServiceBusOptions.builder().namespace("ns").build());

    assertThat(factory.sender(Destination.queue("q1"))).isSameAs(sender);
    assertThat(factory.sender(Destination.topic("t1"))).isSameAs(sender);

    verify(senderBuilder).queueName("q1");
    verify(senderBuilder).topicName("t1");
  }

  @Test
  void plainReceiversArePeekLockWithoutPrefetchOrAutoComplete() {
    ServiceBusReceiverClientBuilder receiverBuilder =
        mock(ServiceBusReceiverClientBuilder.class, RETURNS_SELF);
    ServiceBusReceiverClient receiver = mock(ServiceBusReceiverClient.class);
    when(builder.receiver()).thenReturn(receiverBuilder);
    when(receiverBuilder.buildClient()).thenReturn(receiver);
    SdkServiceBusClientFactory factory =
        factory(
            ServiceBusOptions.builder()
                .namespace("ns")
                .maxAutoLockRenewDuration(Duration.ofMinutes(2))
                .build());

    assertThat(factory.receiver(Source.queue("q1"))).isSameAs(receiver);
    factory.receiver(Source.subscription("topic", "sub"));

    verify(receiverBuilder, times(2)).receiveMode(ServiceBusReceiveMode.PEEK_LOCK);
    verify(receiverBuilder, times(2)).prefetchCount(0);
    verify(receiverBuilder, times(2)).disableAutoComplete();
    verify(receiverBuilder, times(2)).maxAutoLockRenewDuration(Duration.ofMinutes(2));
    verify(receiverBuilder).queueName("q1");
    verify(receiverBuilder).topicName("topic");
    verify(receiverBuilder).subscriptionName("sub");
    verify(builder, never()).sessionReceiver();
  }

  @Test
  void sessionReceiversArePeekLockWithoutPrefetchOrAutoComplete() {
    ServiceBusSessionReceiverClientBuilder sessionBuilder =
        mock(ServiceBusSessionReceiverClientBuilder.class, RETURNS_SELF);
    ServiceBusSessionReceiverClient sessions = mock(ServiceBusSessionReceiverClient.class);
    when(builder.sessionReceiver()).thenReturn(sessionBuilder);
    when(sessionBuilder.buildClient()).thenReturn(sessions);
    SdkServiceBusClientFactory factory =
        factory(ServiceBusOptions.builder().namespace("ns").build());

    assertThat(factory.sessionReceiver(Source.subscription("topic", "sub"))).isSameAs(sessions);
    factory.sessionReceiver(Source.queue("q1"));

    verify(sessionBuilder, times(2)).receiveMode(ServiceBusReceiveMode.PEEK_LOCK);
    verify(sessionBuilder, times(2)).prefetchCount(0);
    verify(sessionBuilder, times(2)).disableAutoComplete();
    verify(sessionBuilder, times(2))
        .maxAutoLockRenewDuration(ServiceBusOptions.DEFAULT_MAX_AUTO_LOCK_RENEW);
    verify(sessionBuilder).topicName("topic");
    verify(sessionBuilder).subscriptionName("sub");
    verify(sessionBuilder).queueName("q1");
    verify(builder, never()).receiver();
  }

  @Test
  void theEmulatorHasNoAdministrationClient() {
    SdkServiceBusClientFactory factory =
        factory(
            ServiceBusOptions.builder().connectionString(ServiceBusOptionsTest.EMULATOR).build());

    assertThat(factory.administration()).isEmpty();
    verify(adminBuilder, never()).buildClient();
  }

  @Test
  void administrationUsesTheSameConnectionStringAndIsBuiltOnce() {
    SdkServiceBusClientFactory factory =
        factory(ServiceBusOptions.builder().connectionString(ServiceBusOptionsTest.AZURE).build());

    assertThat(factory.administration()).containsSame(admin);
    assertThat(factory.administration()).containsSame(admin);
    verify(adminBuilder).connectionString(ServiceBusOptionsTest.AZURE);
    verify(adminBuilder, times(1)).buildClient();
  }

  @Test
  void administrationUsesTheSameCredentialForEntraId() {
    SdkServiceBusClientFactory factory =
        factory(ServiceBusOptions.builder().namespace("ns").build());

    assertThat(factory.administration()).containsSame(admin);
    verify(adminBuilder).credential("ns.servicebus.windows.net", token);
    assertThat(credentialRequests).hasSize(1);
  }

  @Test
  void createBuildsAnSdkFactoryWithoutConnecting() {
    ServiceBusClientFactory factory =
        ServiceBusClientFactory.create(
            ServiceBusOptions.builder().connectionString(ServiceBusOptionsTest.EMULATOR).build());

    assertThat(factory).isInstanceOf(SdkServiceBusClientFactory.class);
    assertThat(factory.administration()).isEmpty();
  }
}
