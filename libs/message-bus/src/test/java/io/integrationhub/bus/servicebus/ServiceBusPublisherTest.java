package io.integrationhub.bus.servicebus;

import static io.integrationhub.bus.servicebus.MockClients.sdkError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import io.integrationhub.bus.BatchPublishException;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.MessageTooLargeException;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ServiceBusPublisherTest {
  static final String HL7 =
      "MSH|^~\\&|252|PHW|MPI|MPI|20250505103000||ADT^A31|MSG0001|P|2.5\rPID|1";
  static final BusTopology TOPOLOGY =
      new BusTopology(
          "local-inthub",
          List.of(
              new QueueSpec("sessions", EntitySettings.referenceDefaults(true)),
              new QueueSpec("store", EntitySettings.referenceDefaults(false))),
          List.of(
              new TopicSpec(
                  "mpihl7input",
                  List.of(new SubscriptionSpec("sub", EntitySettings.referenceDefaults(true))))));

  final MockClients clients = new MockClients();

  ServiceBusMessageBus bus(ServiceBusOptions.Builder options) {
    return ServiceBusMessageBus.create(options.namespace("ns").build(), clients);
  }

  ServiceBusMessageBus bus() {
    return bus(ServiceBusOptions.builder().topology(TOPOLOGY));
  }

  static OutboundMessage message() {
    return OutboundMessage.builder(HL7)
        .sessionId("phw-to-mpi")
        .messageId("MSG0001")
        .property("CorrelationId", "2f1c")
        .property("WorkflowID", "phw-to-mpi")
        .build();
  }

  ServiceBusMessage sent() {
    ArgumentCaptor<ServiceBusMessage> captor = ArgumentCaptor.forClass(ServiceBusMessage.class);
    verify(clients.sender).sendMessage(captor.capture());
    return captor.getValue();
  }

  @Test
  void sendsBodySessionIdMessageIdAndPropertiesUnchanged() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    publisher.publish(message());

    ServiceBusMessage sent = sent();
    assertThat(sent.getBody().toBytes()).isEqualTo(HL7.getBytes(StandardCharsets.UTF_8));
    assertThat(sent.getSessionId()).isEqualTo("phw-to-mpi");
    assertThat(sent.getMessageId()).isEqualTo("MSG0001");
    assertThat(sent.getApplicationProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("CorrelationId", "2f1c", "WorkflowID", "phw-to-mpi"));
    assertThat(clients.senders).containsExactly(Destination.queue("sessions"));
  }

  @Test
  void nonAsciiBodiesAreSentAsUtf8() throws Exception {
    bus()
        .publisher(Destination.queue("store"))
        .publish(OutboundMessage.builder("PID|Siân Ëvans").build());

    ServiceBusMessage sent = sent();
    assertThat(new String(sent.getBody().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("PID|Siân Ëvans");
    assertThat(sent.getSessionId()).isNull();
    assertThat(sent.getApplicationProperties()).isEmpty();
  }

  @Test
  void theFutureCompletesOnlyWhenTheServiceAcceptsTheMessage() throws Exception {
    Sinks.Empty<Void> accepted = Sinks.empty();
    when(clients.sender.sendMessage(any())).thenReturn(accepted.asMono());
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    CompletableFuture<Void> future = publisher.publishAsync(message());

    assertThat(future).isNotDone();
    accepted.tryEmitEmpty();
    assertThat(future).succeedsWithin(Duration.ofSeconds(10));
  }

  @Test
  void dependentStagesRunOffTheSdkThread() throws Exception {
    Sinks.Empty<Void> accepted = Sinks.empty();
    when(clients.sender.sendMessage(any())).thenReturn(accepted.asMono());
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));
    CompletableFuture<String> thread =
        publisher.publishAsync(message()).thenApply(ok -> Thread.currentThread().getName());

    accepted.tryEmitEmpty();

    assertThat(thread).succeedsWithin(Duration.ofSeconds(10)).asString().contains("boundedElastic");
  }

  @Test
  void theFutureFailsWhenTheSendFailsAfterTheRetries() throws Exception {
    when(clients.sender.sendMessage(any()))
        .thenReturn(
            Mono.error(
                new ServiceBusException(
                    new AmqpException(true, AmqpErrorCondition.TIMEOUT_ERROR, "timed out", null),
                    ServiceBusErrorSource.SEND)));
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    CompletableFuture<Void> future = publisher.publishAsync(message());

    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(MessageBusException.class)
        .hasMessageContaining("transient, retries spent")
        .hasMessageContaining("MSG0001")
        .hasMessageContaining("queue sessions");
    assertThatThrownBy(() -> publisher.publish(message()))
        .isExactlyInstanceOf(MessageBusException.class);
  }

  @Test
  void entityNotFoundOnSendIsAnUnknownDestination() throws Exception {
    when(clients.sender.sendMessage(any()))
        .thenReturn(Mono.error(sdkError(AmqpErrorCondition.NOT_FOUND, "entity not found")));

    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publish(message()))
        .isInstanceOf(UnknownDestinationException.class);
  }

  @Test
  void messageSizeExceededOnSendIsMessageTooLarge() throws Exception {
    when(clients.sender.sendMessage(any()))
        .thenReturn(Mono.error(sdkError(AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED, "too big")));

    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publish(message()))
        .isInstanceOf(MessageTooLargeException.class);
  }

  @Test
  void aMissingSessionIdRefusedByTheServiceIsSessionRequired() throws Exception {
    when(clients.sender.sendMessage(any()))
        .thenReturn(
            Mono.error(
                sdkError(
                    AmqpErrorCondition.NOT_ALLOWED,
                    "The SessionId was not set on a message, and it cannot be sent to the entity.")));
    MessagePublisher publisher =
        bus(ServiceBusOptions.builder()).publisher(Destination.queue("unknown-to-topology"));

    assertThatThrownBy(() -> publisher.publish(OutboundMessage.builder(HL7).build()))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void aMissingSessionIdOnASessionQueueOfTheTopologyFailsBeforeSending() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publish(OutboundMessage.builder(HL7).build()))
        .isInstanceOf(SessionRequiredException.class)
        .hasMessageContaining("queue sessions requires sessions");
    verify(clients.sender, never()).sendMessage(any());
  }

  @Test
  void aTopicWithASessionSubscriptionNeedsASessionId() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.topic("mpihl7input"));

    assertThatThrownBy(() -> publisher.publish(OutboundMessage.builder(HL7).build()))
        .isInstanceOf(SessionRequiredException.class);
    publisher.publish(OutboundMessage.builder(HL7).sessionId("mpi-outbound").build());
    verify(clients.sender, times(1)).sendMessage(any());
  }

  @Test
  void otherErrorsAreMessageBusExceptions() throws Exception {
    when(clients.sender.sendMessage(any()))
        .thenReturn(Mono.error(new IllegalStateException("connection closed")));

    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publish(message()))
        .isExactlyInstanceOf(MessageBusException.class)
        .hasMessageContaining("IllegalStateException: connection closed");
  }

  @Test
  void anSdkThatThrowsInsteadOfReturningAMonoFailsTheFuture() throws Exception {
    when(clients.sender.sendMessage(any())).thenThrow(new IllegalStateException("disposed"));

    CompletableFuture<Void> future =
        bus().publisher(Destination.queue("sessions")).publishAsync(message());

    assertThat(future).failsWithin(Duration.ofSeconds(10));
  }

  @Test
  void aBodyOverTheLimitFailsBeforeSending() throws Exception {
    MessagePublisher publisher =
        bus(ServiceBusOptions.builder().maxMessageBytes(10)).publisher(Destination.queue("q"));

    assertThatThrownBy(() -> publisher.publish(message()))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining("at most 10");
    verify(clients.sender, never()).sendMessage(any());
  }

  @Test
  void idsLongerThanServiceBusAllowsAreClearErrors() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("store"));
    String longId = "x".repeat(129);

    assertThatThrownBy(
            () -> publisher.publish(OutboundMessage.builder(HL7).messageId(longId).build()))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("limits a message id to 128 characters");
    assertThatThrownBy(
            () -> publisher.publish(OutboundMessage.builder(HL7).sessionId(longId).build()))
        .hasMessageContaining("limits a session id to 128 characters");
    publisher.publish(OutboundMessage.builder(HL7).messageId("y".repeat(128)).build());
    assertThat(sent().getMessageId()).hasSize(128);
  }

  @Test
  void openingAPublisherForAMissingEntityFailsAtOnceAndClosesTheSender() {
    when(clients.sender.createMessageBatch())
        .thenReturn(Mono.error(sdkError(AmqpErrorCondition.NOT_FOUND, "no such entity")));

    assertThatThrownBy(() -> bus().publisher(Destination.queue("missing")))
        .isInstanceOf(UnknownDestinationException.class)
        .hasMessageContaining("queue missing");
    verify(clients.sender).close();
  }

  @Test
  void batchIsOneServiceBusBatchSentOnce() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    publisher.publishBatch(List.of(message(), message(), message()));

    verify(clients.batch, times(3)).tryAddMessage(any());
    verify(clients.sender).sendMessages(clients.batch);
    verify(clients.sender, never()).sendMessage(any());
  }

  @Test
  void aMessageThatDoesNotFitTheBatchFailsBeforeAnythingIsSent() throws Exception {
    when(clients.batch.tryAddMessage(any())).thenReturn(true, false);
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publishBatch(List.of(message(), message(), message())))
        .isInstanceOfSatisfying(
            BatchPublishException.class, e -> assertThat(e.sentCount()).isZero())
        .hasMessageContaining("Message 2 of 3")
        .hasCauseInstanceOf(MessageTooLargeException.class);
    verify(clients.sender, never()).sendMessages(any(ServiceBusMessageBatch.class));
  }

  @Test
  void aMessageTooLargeForAnyBatchFailsBeforeAnythingIsSent() throws Exception {
    when(clients.batch.tryAddMessage(any()))
        .thenThrow(sdkError(AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED, "too big"));
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publishBatch(List.of(message())))
        .isInstanceOf(BatchPublishException.class)
        .hasCauseInstanceOf(MessageTooLargeException.class);
    verify(clients.sender, never()).sendMessages(any(ServiceBusMessageBatch.class));
  }

  @Test
  void anInvalidMessageFailsTheBatchBeforeAnythingIsSent() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(
            () -> publisher.publishBatch(List.of(message(), OutboundMessage.builder(HL7).build())))
        .isInstanceOf(BatchPublishException.class)
        .hasMessageContaining("message 2 of 2")
        .hasCauseInstanceOf(SessionRequiredException.class);
    verify(clients.sender, never()).createMessageBatch(any());
    verify(clients.sender, times(1)).createMessageBatch();
  }

  @Test
  void aFailedBatchSendReportsNothingSent() throws Exception {
    when(clients.sender.sendMessages(any(ServiceBusMessageBatch.class)))
        .thenReturn(Mono.error(sdkError(AmqpErrorCondition.SERVER_BUSY_ERROR, "busy")));
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    assertThatThrownBy(() -> publisher.publishBatch(List.of(message(), message())))
        .isInstanceOfSatisfying(
            BatchPublishException.class, e -> assertThat(e.sentCount()).isZero())
        .hasMessageContaining("atomic");
  }

  @Test
  void aFailureToStartTheBatchReportsNothingSent() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));
    when(clients.sender.createMessageBatch())
        .thenReturn(Mono.error(sdkError(AmqpErrorCondition.NOT_FOUND, "deleted meanwhile")));

    assertThatThrownBy(() -> publisher.publishBatch(List.of(message())))
        .isInstanceOfSatisfying(
            BatchPublishException.class, e -> assertThat(e.sentCount()).isZero())
        .hasCauseInstanceOf(UnknownDestinationException.class);
  }

  @Test
  void anEmptyBatchSendsNothing() throws Exception {
    bus().publisher(Destination.queue("sessions")).publishBatch(List.of());

    verify(clients.sender, never()).sendMessages(any(ServiceBusMessageBatch.class));
  }

  @Test
  void aClosedPublisherRefusesToSendAndClosesTheSenderOnce() throws Exception {
    MessagePublisher publisher = bus().publisher(Destination.queue("sessions"));

    publisher.close();
    publisher.close();

    assertThat(publisher.publishAsync(message())).isCompletedExceptionally();
    assertThatThrownBy(() -> publisher.publishBatch(List.of(message())))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("closed");
    verify(clients.sender, times(1)).close();
    assertThat(publisher.destination()).isEqualTo(Destination.queue("sessions"));
  }

  @Test
  void closingTheBusClosesItsPublishers() throws Exception {
    ServiceBusMessageBus bus = bus();
    bus.publisher(Destination.queue("sessions"));

    bus.close();

    verify(clients.sender).close();
    assertThatThrownBy(() -> bus.publisher(Destination.queue("sessions")))
        .isInstanceOf(MessageBusException.class);
    assertThat(bus.kind()).isEqualTo("servicebus");
  }
}
