package io.integrationhub.bus.servicebus;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.util.BinaryData;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.Source;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** A {@link ServiceBusClientFactory} handing out Mockito mocks of the SDK clients. */
final class MockClients implements ServiceBusClientFactory {
  final ServiceBusSenderAsyncClient sender = mock(ServiceBusSenderAsyncClient.class);
  final ServiceBusMessageBatch batch = mock(ServiceBusMessageBatch.class);
  final ServiceBusReceiverClient receiver = mock(ServiceBusReceiverClient.class);
  final ServiceBusSessionReceiverClient sessions = mock(ServiceBusSessionReceiverClient.class);
  final ServiceBusReceiverClient sessionReceiver = mock(ServiceBusReceiverClient.class);
  Optional<ServiceBusAdministrationClient> administration = Optional.empty();
  final List<Destination> senders = new ArrayList<>();
  final List<Source> receivers = new ArrayList<>();
  final List<Source> sessionReceivers = new ArrayList<>();

  MockClients() {
    when(sender.createMessageBatch()).thenReturn(Mono.just(batch));
    when(sender.sendMessage(any())).thenReturn(Mono.empty());
    when(sender.sendMessages(any(ServiceBusMessageBatch.class))).thenReturn(Mono.empty());
    when(batch.tryAddMessage(any())).thenReturn(true);
    when(batch.getMaxSizeInBytes()).thenReturn(262_144);
    when(sessions.acceptSession(any())).thenReturn(sessionReceiver);
  }

  @Override
  public ServiceBusSenderAsyncClient sender(Destination destination) {
    senders.add(destination);
    return sender;
  }

  @Override
  public ServiceBusReceiverClient receiver(Source source) {
    receivers.add(source);
    return receiver;
  }

  @Override
  public ServiceBusSessionReceiverClient sessionReceiver(Source source) {
    sessionReceivers.add(source);
    return sessions;
  }

  @Override
  public Optional<ServiceBusAdministrationClient> administration() {
    return administration;
  }

  /** An SDK error as the SDK raises it: a ServiceBusException around an AmqpException. */
  static ServiceBusException sdkError(AmqpErrorCondition condition, String message) {
    return new ServiceBusException(
        new AmqpException(false, condition, message, null), ServiceBusErrorSource.SEND);
  }

  /** A received SDK message with the given raw (AMQP header) delivery count. */
  static ServiceBusReceivedMessage received(
      String body, String messageId, String sessionId, long sdkDeliveryCount) {
    ServiceBusReceivedMessage message = mock(ServiceBusReceivedMessage.class);
    when(message.getBody()).thenReturn(BinaryData.fromString(body));
    when(message.getMessageId()).thenReturn(messageId);
    when(message.getSessionId()).thenReturn(sessionId);
    when(message.getDeliveryCount()).thenReturn(sdkDeliveryCount);
    when(message.getApplicationProperties())
        .thenReturn(Map.of("CorrelationId", "c-1", "SourceSystem", "252"));
    when(message.getEnqueuedTime())
        .thenReturn(OffsetDateTime.of(2025, 5, 5, 10, 30, 0, 0, ZoneOffset.UTC));
    when(message.getSequenceNumber()).thenReturn(7L);
    return message;
  }
}
