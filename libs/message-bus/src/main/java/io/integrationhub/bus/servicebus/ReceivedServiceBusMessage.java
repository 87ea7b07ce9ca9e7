package io.integrationhub.bus.servicebus;

import com.azure.core.amqp.models.AmqpMessageBody;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SettlementException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peek-locked Service Bus message. Settlement goes through the receiver client that received it;
 * a message is settled at most once.
 */
final class ReceivedServiceBusMessage implements ReceivedMessage {
  private static final Logger LOG = LoggerFactory.getLogger(ReceivedServiceBusMessage.class);

  /** How a message is settled. */
  enum Settlement {
    COMPLETE,
    ABANDON,
    DEAD_LETTER
  }

  private final ServiceBusReceivedMessage sdkMessage;
  private final ServiceBusSourceReceiver receiver;
  private final String body;
  private final Optional<String> messageId;
  private final Optional<String> sessionId;
  private final Map<String, String> properties;
  private final int deliveryCount;
  private final Instant enqueuedTime;
  private boolean settled;

  ReceivedServiceBusMessage(
      ServiceBusReceivedMessage sdkMessage, ServiceBusSourceReceiver receiver) {
    this.sdkMessage = sdkMessage;
    this.receiver = receiver;
    this.messageId = Optional.ofNullable(sdkMessage.getMessageId());
    this.sessionId = Optional.ofNullable(sdkMessage.getSessionId());
    this.body = body(sdkMessage);
    this.properties = properties(sdkMessage.getApplicationProperties());
    this.deliveryCount = DeliveryCount.fromSdk(sdkMessage.getDeliveryCount());
    OffsetDateTime enqueued = sdkMessage.getEnqueuedTime();
    this.enqueuedTime = enqueued == null ? Instant.EPOCH : enqueued.toInstant();
  }

  ServiceBusReceivedMessage sdkMessage() {
    return sdkMessage;
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
    settle(Settlement.COMPLETE, "", "");
  }

  @Override
  public void abandon() throws MessageBusException {
    settle(Settlement.ABANDON, "", "");
  }

  @Override
  public void deadLetter(String reason, String description) throws MessageBusException {
    settle(
        Settlement.DEAD_LETTER,
        reason == null ? "" : reason,
        description == null ? "" : description);
  }

  private synchronized void settle(Settlement settlement, String reason, String description)
      throws MessageBusException {
    if (settled) {
      throw new SettlementException("Message " + label() + " was already settled");
    }
    receiver.settle(this, settlement, reason, description);
    settled = true;
  }

  /** Message id and sequence number, for logs and errors. */
  String label() {
    return messageId.orElse("(no id)") + " (sequence " + sdkMessage.getSequenceNumber() + ")";
  }

  /** The body as UTF-8 text: a data section (what every hub producer sends) or a string value. */
  private String body(ServiceBusReceivedMessage message) {
    try {
      return message.getBody().toString();
    } catch (RuntimeException e) {
      // Not a data body: another AMQP client sent an amqp-value or amqp-sequence section.
      AmqpMessageBody raw = message.getRawAmqpMessage().getBody();
      LOG.warn(
          "Message {} has a {} body instead of data; reading it as text",
          label(),
          raw.getBodyType());
      return switch (raw.getBodyType()) {
        case VALUE ->
            raw.getValue() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(raw.getValue());
        case SEQUENCE -> String.valueOf(raw.getSequence());
        case DATA -> new String(raw.getFirstData(), StandardCharsets.UTF_8);
      };
    }
  }

  /** Values as strings (bytes decoded as UTF-8, as the reference reads them); nulls dropped. */
  static Map<String, String> properties(Map<String, Object> applicationProperties) {
    if (applicationProperties == null || applicationProperties.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    applicationProperties.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            values.put(
                name,
                value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8)
                    : value.toString());
          }
        });
    return Map.copyOf(values);
  }
}
