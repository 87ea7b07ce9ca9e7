package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.client.ClientMessage;

/** A message held by an {@link ArtemisSessionReceiver}; settlement goes through the receiver. */
final class ArtemisReceivedMessage implements ReceivedMessage {

  /** Where a message is in its peek-lock life. */
  enum State {
    HELD,
    COMPLETED,
    ABANDONED,
    DEAD_LETTERED,
    /** Returned to the queue by an abandon of another message (or by closing the receiver). */
    RELEASED,
    /** A settlement failed part way; the broker decides (the transaction was rolled back). */
    FAILED
  }

  private final ArtemisSessionReceiver receiver;
  private final ClientMessage message;
  private final String body;
  private final Optional<String> messageId;
  private final Optional<String> sessionId;
  private final Map<String, String> properties;
  private final int deliveryCount;
  private final Instant enqueuedTime;
  private State state = State.HELD; // guarded by receiver

  boolean receivedBy(ArtemisSessionReceiver candidate) {
    return receiver == candidate;
  }

  ArtemisReceivedMessage(ArtemisSessionReceiver receiver, ClientMessage message) {
    this.receiver = receiver;
    this.message = message;
    this.body = MessageMapping.bodyText(message);
    this.messageId = MessageMapping.messageId(message);
    this.sessionId = MessageMapping.sessionId(message);
    this.properties = Map.copyOf(MessageMapping.applicationProperties(message));
    this.deliveryCount = MessageMapping.deliveryCount(message);
    this.enqueuedTime = MessageMapping.enqueuedTime(message);
  }

  ClientMessage clientMessage() {
    return message;
  }

  State state() {
    return state;
  }

  void state(State newState) {
    this.state = newState;
  }

  /** For logs: the message id or the broker's id, never content. */
  String logId() {
    return messageId.orElse("#" + message.getMessageID());
  }

  @Override
  public String body() {
    return body;
  }

  @Override
  public Optional<String> messageId() {
    return messageId;
  }

  @Override
  public Optional<String> sessionId() {
    return sessionId;
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public Instant enqueuedTime() {
    return enqueuedTime;
  }

  @Override
  public void complete() throws MessageBusException {
    receiver.complete(this);
  }

  @Override
  public void abandon() throws MessageBusException {
    receiver.abandon(this);
  }

  @Override
  public void deadLetter(String reason, String description) throws MessageBusException {
    receiver.deadLetter(this, reason, description);
  }
}
