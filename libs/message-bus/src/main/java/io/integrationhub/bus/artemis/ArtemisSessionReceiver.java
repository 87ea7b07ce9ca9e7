package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisReceivedMessage.State;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.ActiveMQAddressExistsException;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueMaxConsumerLimitReached;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peek-lock receiver on Artemis: its own connection and a transacted session, a consumer with a
 * small window ({@link ArtemisOptions#receiveWindowBytes()}), filtered to one message group for a
 * session. Messages prefetched into the window but never handed out are cancelled with their
 * delivery count put back when the receiver abandons or closes, so only messages the caller saw
 * count as delivered (a connection failure is the exception: the broker then keeps the count).
 *
 * <p>Settlement: complete = acknowledge + commit; dead-letter = send a copy to {@code DLQ.<entity>}
 * + acknowledge, one transaction; abandon = acknowledge every unsettled message + roll back, so
 * they return to the head of the queue in order with their delivery count raised. Because a core
 * rollback covers the whole session, an abandon also releases the other unsettled messages of this
 * receiver (which is what keeps a session in order): abandoning those later is a no-op, completing
 * or dead-lettering them fails with {@link SettlementException}. Closing with unsettled messages
 * abandons them.
 *
 * <p>Exclusive sessions: the receiver of session X holds the only consumer allowed on a non-durable
 * lock queue ({@code max-consumers = 1}) in the broker, so a second receiver of X, in this process
 * or another one, fails with {@link SessionUnavailableException}; the broker frees the lock when
 * this receiver closes or its connection dies.
 */
final class ArtemisSessionReceiver implements SessionReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(ArtemisSessionReceiver.class);

  private final ArtemisMessageBus bus;
  private final Source source;
  private final Optional<String> sessionId;
  private final Duration lockDuration;
  private final int maxDeliveryCount;
  private final ClientSessionFactory factory;
  private final ClientSession session;
  private final ClientConsumer consumer;
  private final List<ArtemisReceivedMessage> unsettled = new ArrayList<>();
  private ClientProducer deadLetterProducer;
  private boolean closed;

  private ArtemisSessionReceiver(
      ArtemisMessageBus bus,
      Source source,
      Optional<String> sessionId,
      Duration lockDuration,
      int maxDeliveryCount,
      ClientSessionFactory factory,
      ClientSession session,
      ClientConsumer consumer) {
    this.bus = bus;
    this.source = source;
    this.sessionId = sessionId;
    this.lockDuration = lockDuration;
    this.maxDeliveryCount = maxDeliveryCount;
    this.factory = factory;
    this.session = session;
    this.consumer = consumer;
  }

  /**
   * Opens a receiver.
   *
   * @param maxDeliveryCount the entity's MaxDeliveryCount, 0 when unknown (then only the broker's
   *     own max-delivery-attempts applies)
   */
  static ArtemisSessionReceiver open(
      ArtemisMessageBus bus,
      Source source,
      Optional<String> sessionId,
      Duration lockDuration,
      int maxDeliveryCount,
      int windowBytes)
      throws MessageBusException {
    ClientSessionFactory factory = bus.newSessionFactory();
    try {
      ClientSession session = factory.createSession(false, false);
      if (sessionId.isPresent()) {
        lockSession(session, source, sessionId.get());
      }
      SimpleString filter =
          sessionId.map(ArtemisNames::sessionFilter).map(SimpleString::of).orElse(null);
      ClientConsumer consumer =
          session.createConsumer(
              SimpleString.of(ArtemisNames.queueName(source)), filter, windowBytes, -1, false);
      session.start();
      LOG.debug("Receiver open on {} session {}", source, sessionId.orElse("(none)"));
      return new ArtemisSessionReceiver(
          bus, source, sessionId, lockDuration, maxDeliveryCount, factory, session, consumer);
    } catch (ActiveMQException | RuntimeException | MessageBusException e) {
      factory.close();
      throw ArtemisErrors.map("Cannot open a receiver on " + source, e);
    }
  }

  private static void lockSession(ClientSession session, Source source, String sessionId)
      throws ActiveMQException, SessionUnavailableException {
    SimpleString lockQueue = SimpleString.of(ArtemisNames.sessionLockQueue(source, sessionId));
    if (!session.queueQuery(lockQueue).isExists()) {
      SimpleString lockAddress = SimpleString.of(ArtemisNames.SESSION_LOCK_ADDRESS);
      if (!session.addressQuery(lockAddress).isExists()) {
        try {
          session.createAddress(lockAddress, RoutingType.ANYCAST, false);
        } catch (ActiveMQAddressExistsException raced) {
          // another receiver created it first
        }
      }
      try {
        session.createQueue(
            QueueConfiguration.of(lockQueue)
                .setAddress(lockAddress)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(false)
                .setMaxConsumers(1));
      } catch (ActiveMQQueueExistsException raced) {
        // another receiver created it first; the consumer below decides who holds the session
      }
    }
    try {
      session.createConsumer(lockQueue, null, 0, -1, false);
    } catch (ActiveMQQueueMaxConsumerLimitReached held) {
      throw new SessionUnavailableException(
          "Session '" + sessionId + "' of " + source + " is held by another receiver", held);
    }
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public synchronized List<ReceivedMessage> receive(int maxMessages, Duration maxWait)
      throws MessageBusException {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1");
    }
    checkOpen();
    List<ReceivedMessage> received = new ArrayList<>();
    try {
      long waitMillis = maxWait.toMillis();
      ClientMessage next =
          waitMillis > 0 ? consumer.receive(waitMillis) : consumer.receiveImmediate();
      while (next != null) {
        ArtemisReceivedMessage message = new ArtemisReceivedMessage(this, next);
        unsettled.add(message);
        received.add(message);
        if (received.size() >= maxMessages) {
          break;
        }
        next = consumer.receiveImmediate();
      }
    } catch (ActiveMQException | RuntimeException e) {
      throw ArtemisErrors.map("Receive from " + source + " failed", e);
    }
    if (!received.isEmpty()) {
      LOG.debug("Received {} message(s) from {}", received.size(), source);
    }
    return received;
  }

  @Override
  public synchronized void renewLock() throws MessageBusException {
    // Artemis holds a delivered message until it is settled or the connection closes: no lock
    // expires, so there is nothing to renew.
    checkOpen();
  }

  @Override
  public Duration lockDuration() {
    return lockDuration;
  }

  synchronized void complete(ArtemisReceivedMessage message) throws MessageBusException {
    checkSettleable(message, "complete");
    try {
      message.clientMessage().individualAcknowledge();
      session.commit();
    } catch (ActiveMQException | RuntimeException e) {
      throw settlementFailed(message, "Complete", e);
    }
    message.state(State.COMPLETED);
    unsettled.remove(message);
  }

  @Override
  public synchronized void completeAll(List<ReceivedMessage> messages) throws MessageBusException {
    List<ArtemisReceivedMessage> own = new ArrayList<>(messages.size());
    for (ReceivedMessage message : messages) {
      if (!(message instanceof ArtemisReceivedMessage held) || !held.receivedBy(this)) {
        throw new IllegalArgumentException("completeAll takes only messages of this receiver");
      }
      checkSettleable(held, "complete");
      own.add(held);
    }
    if (own.isEmpty()) {
      return;
    }
    try {
      for (ArtemisReceivedMessage held : own) {
        held.clientMessage().individualAcknowledge();
      }
      session.commit();
    } catch (ActiveMQException | RuntimeException e) {
      throw settlementFailed(own.get(0), "Complete", e);
    }
    for (ArtemisReceivedMessage held : own) {
      held.state(State.COMPLETED);
      unsettled.remove(held);
    }
  }

  synchronized void abandon(ArtemisReceivedMessage message) throws MessageBusException {
    if (message.state() == State.RELEASED) {
      return; // an earlier abandon (or close) already put it back, in order
    }
    checkSettleable(message, "abandon");
    try {
      releaseUnsettled();
    } catch (ActiveMQException | RuntimeException e) {
      throw settlementFailed(message, "Abandon", e);
    }
    message.state(State.ABANDONED);
  }

  synchronized void deadLetter(ArtemisReceivedMessage message, String reason, String description)
      throws MessageBusException {
    checkSettleable(message, "dead-letter");
    String why = Objects.requireNonNullElse(reason, "");
    try {
      ClientMessage copy =
          deadLetterCopy(message, why, Objects.requireNonNullElse(description, ""));
      deadLetterProducer().send(SimpleString.of(deadLetterAddress()), copy);
      message.clientMessage().individualAcknowledge();
      session.commit();
    } catch (ActiveMQException | RuntimeException e) {
      throw settlementFailed(message, "Dead-letter", e);
    }
    message.state(State.DEAD_LETTERED);
    unsettled.remove(message);
    LOG.warn("Dead-lettered message {} from {} (reason {})", message.logId(), source, why);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!unsettled.isEmpty()) {
        int count = unsettled.size();
        try {
          releaseUnsettled();
          LOG.info("Closed receiver on {} released {} unsettled message(s)", source, count);
        } catch (ActiveMQException | RuntimeException e) {
          LOG.warn(
              "Releasing {} unsettled message(s) of {} failed; the broker returns them when the"
                  + " connection closes: {}",
              count,
              source,
              MessageBusException.describe(e));
        }
      }
      try {
        // A graceful session close lets the broker put back the delivery count of messages that
        // were prefetched but never handed out; closing only the connection would count them.
        session.close();
      } catch (ActiveMQException | RuntimeException e) {
        LOG.debug("Closing the receiver session of {} failed", source, e);
      }
      factory.close();
    }
    bus.forget(this);
  }

  /**
   * Returns every unsettled message to the queue, in order, with its delivery count raised
   * (acknowledge + roll back). A message that has now had MaxDeliveryCount deliveries is
   * dead-lettered here instead, with reason {@code MaxDeliveryCountExceeded}, as Service Bus would:
   * doing it in the adapter keeps the broker's own dead-lettering (which logs message properties)
   * for connection failures only.
   */
  private void releaseUnsettled() throws ActiveMQException {
    try {
      List<ArtemisReceivedMessage> exhausted =
          maxDeliveryCount < 1
              ? List.of()
              : unsettled.stream().filter(m -> m.deliveryCount() >= maxDeliveryCount).toList();
      if (!exhausted.isEmpty()) {
        String description =
            "Message could not be consumed after " + maxDeliveryCount + " delivery attempts.";
        for (ArtemisReceivedMessage held : exhausted) {
          deadLetterProducer()
              .send(
                  SimpleString.of(deadLetterAddress()),
                  deadLetterCopy(held, MessageMapping.MAX_DELIVERY_REASON, description));
          held.clientMessage().individualAcknowledge();
        }
        session.commit();
        for (ArtemisReceivedMessage held : exhausted) {
          LOG.warn(
              "Dead-lettered message {} from {} after {} deliveries (MaxDeliveryCountExceeded)",
              held.logId(),
              source,
              held.deliveryCount());
        }
      }
      for (ArtemisReceivedMessage held : unsettled) {
        if (!exhausted.contains(held)) {
          held.clientMessage().individualAcknowledge();
        }
      }
      session.rollback(false);
    } finally {
      for (ArtemisReceivedMessage held : unsettled) {
        held.state(State.RELEASED);
      }
      unsettled.clear();
    }
  }

  private SettlementException settlementFailed(
      ArtemisReceivedMessage message, String action, Exception cause) {
    try {
      releaseUnsettled();
    } catch (ActiveMQException | RuntimeException e) {
      cause.addSuppressed(e);
    }
    message.state(State.FAILED);
    return new SettlementException(
        action
            + " of message "
            + message.logId()
            + " from "
            + source
            + " failed; it stays on the bus and will be delivered again: "
            + MessageBusException.describe(cause),
        cause);
  }

  private void checkSettleable(ArtemisReceivedMessage message, String action)
      throws MessageBusException {
    if (closed) {
      throw new SettlementException(
          "Cannot " + action + " message " + message.logId() + ": the receiver is closed");
    }
    switch (message.state()) {
      case HELD -> {
        // settleable
      }
      case RELEASED ->
          throw new SettlementException(
              "Cannot "
                  + action
                  + " message "
                  + message.logId()
                  + ": an earlier abandon released it; it will be delivered again");
      default ->
          throw new SettlementException(
              "Cannot "
                  + action
                  + " message "
                  + message.logId()
                  + ": it was already settled ("
                  + message.state()
                  + ")");
    }
  }

  private void checkOpen() throws MessageBusException {
    if (closed) {
      throw new MessageBusException("Receiver on " + source + " is closed");
    }
  }

  private String deadLetterAddress() {
    return ArtemisNames.deadLetterAddress(source.entity());
  }

  private ClientProducer deadLetterProducer() throws ActiveMQException {
    if (deadLetterProducer == null) {
      deadLetterProducer = session.createProducer();
    }
    return deadLetterProducer;
  }

  /** Body, ids, group and every property of the original, plus the reason and the count. */
  private ClientMessage deadLetterCopy(
      ArtemisReceivedMessage message, String reason, String description) {
    ClientMessage original = message.clientMessage();
    ClientMessage copy = session.createMessage(Message.BYTES_TYPE, true);
    copy.getBodyBuffer().writeBytes(message.body().getBytes(StandardCharsets.UTF_8));
    copy.setTimestamp(original.getTimestamp());
    for (SimpleString name : original.getPropertyNames()) {
      if (!MessageMapping.isReserved(name.toString())) {
        copy.putObjectProperty(name, original.getObjectProperty(name));
      }
    }
    message.sessionId().ifPresent(id -> copy.setGroupID(SimpleString.of(id)));
    message.messageId().ifPresent(id -> copy.putStringProperty(MessageMapping.MESSAGE_ID, id));
    copy.putStringProperty(MessageMapping.DEAD_LETTER_REASON, reason);
    copy.putStringProperty(MessageMapping.DEAD_LETTER_DESCRIPTION, description);
    copy.putIntProperty(MessageMapping.ORIGINAL_DELIVERY_COUNT, message.deliveryCount());
    copy.putStringProperty(
        Message.HDR_ORIGINAL_QUEUE, SimpleString.of(ArtemisNames.queueName(source)));
    copy.putStringProperty(Message.HDR_ORIGINAL_ADDRESS, SimpleString.of(source.entity()));
    return copy;
  }
}
