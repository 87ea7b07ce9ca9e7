package io.integrationhub.bus.servicebus;

import static io.integrationhub.bus.servicebus.MockClients.received;
import static io.integrationhub.bus.servicebus.MockClients.sdkError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.models.AmqpAnnotatedMessage;
import com.azure.core.amqp.models.AmqpMessageBody;
import com.azure.core.util.IterableStream;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ServiceBusReceiverTest {
  static final Duration WAIT = Duration.ofSeconds(5);
  static final BusTopology TOPOLOGY =
      new BusTopology(
          "local-inthub",
          List.of(
              new QueueSpec("sessions", EntitySettings.referenceDefaults(true)),
              new QueueSpec(
                  "store",
                  new EntitySettings(
                      false, Duration.ofSeconds(30), 10, Duration.ofHours(1), false))),
          List.of(
              new TopicSpec(
                  "mpihl7input",
                  List.of(
                      new SubscriptionSpec(
                          "sub",
                          new EntitySettings(
                              true, Duration.ofMinutes(2), 10, Duration.ofHours(1), false))))));

  final MockClients clients = new MockClients();
  final ServiceBusMessageBus bus =
      ServiceBusMessageBus.create(
          ServiceBusOptions.builder().namespace("ns").topology(TOPOLOGY).build(), clients);

  static IterableStream<ServiceBusReceivedMessage> stream(ServiceBusReceivedMessage... messages) {
    return new IterableStream<>(List.of(messages));
  }

  SessionReceiver sessionReceiver() throws MessageBusException {
    return bus.receiver(Source.queue("sessions"), Optional.of("phw-to-mpi"));
  }

  @Test
  void aSessionIdAcceptsThatSessionOnASessionReceiver() throws Exception {
    SessionReceiver receiver = sessionReceiver();

    verify(clients.sessions).acceptSession("phw-to-mpi");
    assertThat(clients.sessionReceivers).containsExactly(Source.queue("sessions"));
    assertThat(clients.receivers).isEmpty();
    assertThat(receiver.source()).isEqualTo(Source.queue("sessions"));
  }

  @Test
  void aSessionOfASubscriptionIsAcceptedOnTheTopicAndSubscription() throws Exception {
    SessionReceiver receiver =
        bus.receiver(Source.subscription("mpihl7input", "sub"), Optional.of("mpi-outbound"));

    assertThat(clients.sessionReceivers).containsExactly(Source.subscription("mpihl7input", "sub"));
    assertThat(receiver.lockDuration()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void withoutASessionIdAPlainReceiverIsOpenedAndChecked() throws Exception {
    SessionReceiver receiver = bus.receiver(Source.queue("store"), Optional.empty());

    assertThat(clients.receivers).containsExactly(Source.queue("store"));
    assertThat(clients.sessionReceivers).isEmpty();
    verify(clients.receiver).peekMessage();
    assertThat(receiver.lockDuration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void lockDurationDefaultsToOneMinuteForEntitiesTheTopologyDoesNotKnow() throws Exception {
    assertThat(bus.receiver(Source.queue("elsewhere"), Optional.empty()).lockDuration())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aLockedSessionIsSessionUnavailableAndTheClientIsClosed() {
    when(clients.sessions.acceptSession("phw-to-mpi"))
        .thenThrow(
            sdkError(
                AmqpErrorCondition.SESSION_CANNOT_BE_LOCKED,
                "The requested session 'phw-to-mpi' cannot be accepted. It may be locked"));

    assertThatThrownBy(this::sessionReceiver)
        .isInstanceOf(SessionUnavailableException.class)
        .hasMessageContaining("phw-to-mpi");
    verify(clients.sessions).close();
  }

  @Test
  void aMissingSourceIsAnUnknownDestination() {
    when(clients.sessions.acceptSession(any()))
        .thenThrow(
            sdkError(AmqpErrorCondition.NOT_FOUND, "The messaging entity could not be found"));
    when(clients.receiver.peekMessage())
        .thenThrow(
            sdkError(AmqpErrorCondition.NOT_FOUND, "The messaging entity could not be found"));

    assertThatThrownBy(() -> bus.receiver(Source.queue("nope"), Optional.of("s")))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(() -> bus.receiver(Source.queue("nope"), Optional.empty()))
        .isInstanceOf(UnknownDestinationException.class);
    verify(clients.receiver).close();
  }

  @Test
  void aSessionSourceWithoutSessionIdIsRefused() {
    assertThatThrownBy(() -> bus.receiver(Source.queue("sessions"), Optional.empty()))
        .isInstanceOf(SessionRequiredException.class);
    assertThat(clients.receivers).isEmpty();
  }

  @Test
  void aSessionRequirementReportedByTheServiceIsSessionRequired() {
    when(clients.receiver.peekMessage())
        .thenThrow(
            sdkError(
                AmqpErrorCondition.NOT_ALLOWED,
                "It is not possible for an entity that requires sessions to create a"
                    + " non-sessionful message receiver."));

    assertThatThrownBy(() -> bus.receiver(Source.queue("unknown"), Optional.empty()))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void aBlankSessionIdIsRefused() {
    assertThatThrownBy(() -> bus.receiver(Source.queue("sessions"), Optional.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void receivedMessagesCarryBodyIdsPropertiesAndAOneBasedDeliveryCount() throws Exception {
    IterableStream<ServiceBusReceivedMessage> two =
        stream(
            received("MSH|first", "MSG1", "phw-to-mpi", 0),
            received("MSH|second", "MSG2", "phw-to-mpi", 3));
    when(clients.sessionReceiver.receiveMessages(10, WAIT)).thenReturn(two);

    List<ReceivedMessage> messages = sessionReceiver().receive(10, WAIT);

    assertThat(messages).hasSize(2);
    ReceivedMessage first = messages.get(0);
    assertThat(first.body()).isEqualTo("MSH|first");
    assertThat(first.messageId()).contains("MSG1");
    assertThat(first.sessionId()).contains("phw-to-mpi");
    assertThat(first.properties())
        .containsOnly(Map.entry("CorrelationId", "c-1"), Map.entry("SourceSystem", "252"));
    assertThat(first.deliveryCount()).isEqualTo(1);
    assertThat(first.enqueuedTime()).isEqualTo(Instant.parse("2025-05-05T10:30:00Z"));
    assertThat(messages.get(1).deliveryCount()).isEqualTo(4);
  }

  @Test
  void nothingReceivedIsAnEmptyList() throws Exception {
    when(clients.sessionReceiver.receiveMessages(anyInt(), any())).thenReturn(stream());

    assertThat(sessionReceiver().receive(1, WAIT)).isEmpty();
  }

  @Test
  void propertyValuesBecomeStringsAndNullsAreDropped() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("text", "a");
    properties.put("number", 42);
    properties.put("bytes", "b".getBytes(StandardCharsets.UTF_8));
    properties.put("none", null);

    assertThat(ReceivedServiceBusMessage.properties(properties))
        .containsOnly(Map.entry("text", "a"), Map.entry("number", "42"), Map.entry("bytes", "b"));
    assertThat(ReceivedServiceBusMessage.properties(null)).isEmpty();
  }

  @Test
  void aStringValueBodyIsReadAsText() throws Exception {
    ServiceBusReceivedMessage message = received("ignored", "MSG1", null, 0);
    when(message.getBody()).thenThrow(new IllegalStateException("not a data body"));
    when(message.getRawAmqpMessage())
        .thenReturn(new AmqpAnnotatedMessage(AmqpMessageBody.fromValue("MSH|value")));
    when(clients.receiver.receiveMessages(1, WAIT)).thenReturn(stream(message));

    ReceivedMessage got =
        bus.receiver(Source.queue("store"), Optional.empty()).receive(1, WAIT).get(0);

    assertThat(got.body()).isEqualTo("MSH|value");
    assertThat(got.sessionId()).isEmpty();
  }

  @Test
  void receiveFailuresAreMapped() throws Exception {
    SessionReceiver receiver = sessionReceiver();
    when(clients.sessionReceiver.receiveMessages(anyInt(), any()))
        .thenThrow(sdkError(AmqpErrorCondition.SESSION_LOCK_LOST, "session lock lost"))
        .thenThrow(sdkError(AmqpErrorCondition.SERVER_BUSY_ERROR, "busy"));

    assertThatThrownBy(() -> receiver.receive(1, WAIT))
        .isInstanceOf(SessionUnavailableException.class);
    assertThatThrownBy(() -> receiver.receive(1, WAIT))
        .isExactlyInstanceOf(MessageBusException.class);
  }

  @Test
  void receiveArgumentsAreChecked() throws Exception {
    SessionReceiver receiver = sessionReceiver();

    assertThatThrownBy(() -> receiver.receive(0, WAIT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> receiver.receive(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completeAbandonAndDeadLetterGoThroughTheReceivingClient() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", "s", 0);
    ServiceBusReceivedMessage two = received("2", "M2", "s", 0);
    ServiceBusReceivedMessage three = received("3", "M3", "s", 0);
    when(clients.sessionReceiver.receiveMessages(3, WAIT)).thenReturn(stream(one, two, three));
    List<ReceivedMessage> messages = sessionReceiver().receive(3, WAIT);

    messages.get(0).complete();
    messages.get(1).abandon();
    messages.get(2).deadLetter("AR", "MPI rejected the message (AR)");

    verify(clients.sessionReceiver).complete(one);
    verify(clients.sessionReceiver).abandon(two);
    ArgumentCaptor<DeadLetterOptions> options = ArgumentCaptor.forClass(DeadLetterOptions.class);
    verify(clients.sessionReceiver).deadLetter(eq(three), options.capture());
    assertThat(options.getValue().getDeadLetterReason()).isEqualTo("AR");
    assertThat(options.getValue().getDeadLetterErrorDescription())
        .isEqualTo("MPI rejected the message (AR)");
  }

  @Test
  void aMessageIsSettledOnlyOnce() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", "s", 0);
    when(clients.sessionReceiver.receiveMessages(1, WAIT)).thenReturn(stream(one));
    ReceivedMessage message = sessionReceiver().receive(1, WAIT).get(0);

    message.complete();

    assertThatThrownBy(message::abandon)
        .isInstanceOf(SettlementException.class)
        .hasMessageContaining("already settled");
    verify(clients.sessionReceiver, never()).abandon(any());
  }

  @Test
  void aLostLockIsASettlementException() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", null, 0);
    when(clients.receiver.receiveMessages(1, WAIT)).thenReturn(stream(one));
    doThrow(sdkError(AmqpErrorCondition.MESSAGE_LOCK_LOST, "lock lost"))
        .when(clients.receiver)
        .complete(one);
    ReceivedMessage message =
        bus.receiver(Source.queue("store"), Optional.empty()).receive(1, WAIT).get(0);

    assertThatThrownBy(message::complete)
        .isInstanceOf(SettlementException.class)
        .hasMessageContaining("Lock lost");
  }

  @Test
  void aFailedSettlementCanBeRetried() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", "s", 0);
    when(clients.sessionReceiver.receiveMessages(1, WAIT)).thenReturn(stream(one));
    doThrow(sdkError(AmqpErrorCondition.SERVER_BUSY_ERROR, "busy"))
        .doNothing()
        .when(clients.sessionReceiver)
        .complete(one);
    ReceivedMessage message = sessionReceiver().receive(1, WAIT).get(0);

    assertThatThrownBy(message::complete).isInstanceOf(SettlementException.class);
    message.complete();

    verify(clients.sessionReceiver, times(2)).complete(one);
  }

  @Test
  void settlingAfterTheReceiverClosedFails() throws Exception {
    IterableStream<ServiceBusReceivedMessage> one = stream(received("1", "M1", "s", 0));
    when(clients.sessionReceiver.receiveMessages(1, WAIT)).thenReturn(one);
    SessionReceiver receiver = sessionReceiver();
    ReceivedMessage message = receiver.receive(1, WAIT).get(0);

    receiver.close();

    assertThatThrownBy(message::complete).isInstanceOf(SettlementException.class);
  }

  @Test
  void renewLockOnASessionReceiverRenewsTheSessionLock() throws Exception {
    SessionReceiver receiver = sessionReceiver();

    receiver.renewLock();

    verify(clients.sessionReceiver).renewSessionLock();
    verify(clients.sessionReceiver, never()).renewMessageLock(any());
  }

  @Test
  void aLostSessionLockOnRenewalIsSessionUnavailable() throws Exception {
    when(clients.sessionReceiver.renewSessionLock())
        .thenThrow(sdkError(AmqpErrorCondition.SESSION_LOCK_LOST, "gone"));

    SessionReceiver receiver = sessionReceiver();

    assertThatThrownBy(receiver::renewLock).isInstanceOf(SessionUnavailableException.class);
  }

  @Test
  void renewLockOnAPlainReceiverRenewsEveryUnsettledMessage() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", null, 0);
    ServiceBusReceivedMessage two = received("2", "M2", null, 0);
    ServiceBusReceivedMessage three = received("3", "M3", null, 0);
    when(clients.receiver.receiveMessages(3, WAIT)).thenReturn(stream(one, two, three));
    SessionReceiver receiver = bus.receiver(Source.queue("store"), Optional.empty());
    List<ReceivedMessage> messages = receiver.receive(3, WAIT);
    messages.get(0).complete();

    receiver.renewLock();

    verify(clients.receiver, never()).renewMessageLock(one);
    verify(clients.receiver).renewMessageLock(two);
    verify(clients.receiver).renewMessageLock(three);
    verify(clients.receiver, never()).renewSessionLock();
  }

  @Test
  void aMessageWhoseLockIsLostIsReportedAndNoLongerRenewed() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", null, 0);
    ServiceBusReceivedMessage two = received("2", "M2", null, 0);
    when(clients.receiver.receiveMessages(2, WAIT)).thenReturn(stream(one, two));
    when(clients.receiver.renewMessageLock(one))
        .thenThrow(sdkError(AmqpErrorCondition.MESSAGE_LOCK_LOST, "lost"));
    SessionReceiver receiver = bus.receiver(Source.queue("store"), Optional.empty());
    receiver.receive(2, WAIT);

    assertThatThrownBy(receiver::renewLock).isInstanceOf(SettlementException.class);
    receiver.renewLock();

    verify(clients.receiver, times(1)).renewMessageLock(one);
    verify(clients.receiver, times(2)).renewMessageLock(two);
  }

  @Test
  void closeReleasesTheSessionOnceAndTheReceiverIsThenUnusable() throws Exception {
    SessionReceiver receiver = sessionReceiver();

    receiver.close();
    receiver.close();

    verify(clients.sessionReceiver, times(1)).close();
    verify(clients.sessions, times(1)).close();
    assertThatThrownBy(() -> receiver.receive(1, WAIT)).isInstanceOf(MessageBusException.class);
    assertThatThrownBy(receiver::renewLock).isInstanceOf(MessageBusException.class);
  }

  @Test
  void closingTheBusClosesItsReceivers() throws Exception {
    sessionReceiver();
    bus.receiver(Source.queue("store"), Optional.empty());

    bus.close();

    verify(clients.sessionReceiver).close();
    verify(clients.sessions).close();
    verify(clients.receiver).close();
  }

  @Test
  void aReceiveThatFailsHalfwayReleasesWhatItGot() throws Exception {
    ServiceBusReceivedMessage one = received("1", "M1", null, 0);
    @SuppressWarnings("unchecked")
    IterableStream<ServiceBusReceivedMessage> failing = mock(IterableStream.class);
    Iterator<ServiceBusReceivedMessage> iterator = List.of(one).iterator();
    when(failing.iterator())
        .thenReturn(
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public ServiceBusReceivedMessage next() {
                if (iterator.hasNext()) {
                  return iterator.next();
                }
                throw sdkError(AmqpErrorCondition.LINK_DETACH_FORCED, "detached");
              }
            });
    when(clients.receiver.receiveMessages(2, WAIT)).thenReturn(failing);
    SessionReceiver receiver = bus.receiver(Source.queue("store"), Optional.empty());

    assertThatThrownBy(() -> receiver.receive(2, WAIT)).isInstanceOf(MessageBusException.class);
    verify(clients.receiver).abandon(one);
  }
}
