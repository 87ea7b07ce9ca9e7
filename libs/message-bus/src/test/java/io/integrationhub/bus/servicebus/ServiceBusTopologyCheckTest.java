package io.integrationhub.bus.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpResponse;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.CreateSubscriptionOptions;
import com.azure.messaging.servicebus.administration.models.QueueProperties;
import com.azure.messaging.servicebus.administration.models.SubscriptionProperties;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ServiceBusTopologyCheckTest {
  static final BusTopology TOPOLOGY =
      new BusTopology(
          "local-inthub",
          List.of(
              new QueueSpec("q-sessions", EntitySettings.referenceDefaults(true)),
              new QueueSpec("q-store", EntitySettings.referenceDefaults(false))),
          List.of(
              new TopicSpec(
                  "topic",
                  List.of(new SubscriptionSpec("sub", EntitySettings.referenceDefaults(true))))));

  final ServiceBusAdministrationClient admin = mock(ServiceBusAdministrationClient.class);
  final MockClients clients = new MockClients();

  ServiceBusMessageBus bus(boolean create) {
    clients.administration = Optional.of(admin);
    return ServiceBusMessageBus.create(
        ServiceBusOptions.builder().namespace("ns").createMissingEntities(create).build(), clients);
  }

  void allPresent() {
    QueueProperties queue = mock(QueueProperties.class);
    when(queue.isSessionRequired()).thenReturn(true);
    when(queue.getLockDuration()).thenReturn(Duration.ofMinutes(1));
    SubscriptionProperties subscription = mock(SubscriptionProperties.class);
    when(subscription.isSessionRequired()).thenReturn(true);
    when(admin.getQueue(anyString())).thenReturn(queue);
    when(admin.getTopicExists("topic")).thenReturn(true);
    when(admin.getSubscription("topic", "sub")).thenReturn(subscription);
  }

  @Test
  void theEmulatorIsSkipped() throws Exception {
    ServiceBusMessageBus bus =
        ServiceBusMessageBus.create(
            ServiceBusOptions.builder().connectionString(ServiceBusOptionsTest.EMULATOR).build(),
            clients);

    bus.applyTopology(TOPOLOGY);

    verifyNoInteractions(admin);
  }

  @Test
  void aCompleteNamespacePasses() throws Exception {
    allPresent();

    bus(false).applyTopology(TOPOLOGY);

    verify(admin).getQueue("q-sessions");
    verify(admin).getQueue("q-store");
    verify(admin).getSubscription("topic", "sub");
    verify(admin, never()).createQueue(anyString(), any(CreateQueueOptions.class));
  }

  @Test
  void missingEntitiesAreReportedByName() {
    allPresent();
    when(admin.getQueue("q-store")).thenThrow(new ResourceNotFoundException("404", null));
    when(admin.getSubscription("topic", "sub"))
        .thenThrow(new ResourceNotFoundException("404", null));

    assertThatThrownBy(() -> bus(false).applyTopology(TOPOLOGY))
        .isInstanceOf(UnknownDestinationException.class)
        .hasMessageContaining("lacks 2 entities")
        .hasMessageContaining("queue q-store")
        .hasMessageContaining("subscription topic/sub");
    verify(admin, never()).createQueue(anyString(), any(CreateQueueOptions.class));
  }

  @Test
  void missingEntitiesAreCreatedWhenEnabled() throws Exception {
    allPresent();
    when(admin.getQueue("q-sessions")).thenThrow(new ResourceNotFoundException("404", null));
    when(admin.getTopicExists("topic")).thenReturn(false);

    bus(true).applyTopology(TOPOLOGY);

    ArgumentCaptor<CreateQueueOptions> queue = ArgumentCaptor.forClass(CreateQueueOptions.class);
    verify(admin).createQueue(eq("q-sessions"), queue.capture());
    assertThat(queue.getValue().isSessionRequired()).isTrue();
    assertThat(queue.getValue().getLockDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(queue.getValue().getMaxDeliveryCount()).isEqualTo(10);
    assertThat(queue.getValue().getDefaultMessageTimeToLive()).isEqualTo(Duration.ofHours(1));
    assertThat(queue.getValue().isDeadLetteringOnMessageExpiration()).isFalse();
    verify(admin).createTopic("topic");
    ArgumentCaptor<CreateSubscriptionOptions> subscription =
        ArgumentCaptor.forClass(CreateSubscriptionOptions.class);
    verify(admin).createSubscription(eq("topic"), eq("sub"), subscription.capture());
    assertThat(subscription.getValue().isSessionRequired()).isTrue();
    verify(admin, never()).getSubscription(anyString(), anyString());
  }

  @Test
  void aFailedCreationIsReported() {
    allPresent();
    when(admin.getQueue("q-store")).thenThrow(new ResourceNotFoundException("404", null));
    when(admin.createQueue(eq("q-store"), any(CreateQueueOptions.class)))
        .thenThrow(new IllegalStateException("quota"));

    assertThatThrownBy(() -> bus(true).applyTopology(TOPOLOGY))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("Could not create Service Bus queue q-store");
  }

  @Test
  void withoutManagementRightsTheCheckIsSkipped() throws Exception {
    when(admin.getQueue(anyString())).thenThrow(new ClientAuthenticationException("401", null));

    bus(false).applyTopology(TOPOLOGY);

    verify(admin, never()).getTopicExists(anyString());
  }

  @Test
  void aForbiddenAnswerAlsoSkipsTheCheck() throws Exception {
    HttpResponse forbidden = mock(HttpResponse.class);
    when(forbidden.getStatusCode()).thenReturn(403);
    when(admin.getQueue(anyString())).thenThrow(new HttpResponseException("403", forbidden));

    bus(false).applyTopology(TOPOLOGY);

    verify(admin, never()).getTopicExists(anyString());
  }

  @Test
  void otherFailuresOfTheCheckAreErrors() {
    HttpResponse broken = mock(HttpResponse.class);
    when(broken.getStatusCode()).thenReturn(500);
    when(admin.getQueue(anyString())).thenThrow(new HttpResponseException("500", broken));

    assertThatThrownBy(() -> bus(false).applyTopology(TOPOLOGY))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("topology check failed");
  }

  @Test
  void differingSettingsOnlyWarn() throws Exception {
    QueueProperties queue = mock(QueueProperties.class);
    when(queue.isSessionRequired()).thenReturn(false);
    when(queue.getLockDuration()).thenReturn(Duration.ofSeconds(30));
    when(admin.getQueue(anyString())).thenReturn(queue);
    when(admin.getTopicExists("topic")).thenReturn(true);
    SubscriptionProperties subscription = mock(SubscriptionProperties.class);
    when(admin.getSubscription("topic", "sub")).thenReturn(subscription);

    bus(false).applyTopology(TOPOLOGY);

    verify(admin).getQueue("q-sessions");
  }
}
