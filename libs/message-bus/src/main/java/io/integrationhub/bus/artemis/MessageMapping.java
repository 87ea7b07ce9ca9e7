package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;

/**
 * Maps hub messages to Artemis core messages and back: body = UTF-8 bytes, session id = message
 * group ({@code _AMQ_GROUP_ID}), message id = {@code _IH_MESSAGE_ID}, application properties =
 * string properties of the same name.
 */
final class MessageMapping {
  /**
   * The hub message id (MSH-10). Not {@code MessageId}: the replay job sends an application
   * property of that name (the store row id), which must survive untouched.
   */
  static final String MESSAGE_ID = "_IH_MESSAGE_ID";

  /** Service Bus' property names on a dead-lettered message. */
  static final String DEAD_LETTER_REASON = "DeadLetterReason";

  static final String DEAD_LETTER_DESCRIPTION = "DeadLetterErrorDescription";

  /** Delivery count of the original when the hub dead-lettered it (absent: broker did). */
  static final String ORIGINAL_DELIVERY_COUNT = "_IH_ORIGINAL_DELIVERY_COUNT";

  /** Service Bus' reason when the delivery count exceeded MaxDeliveryCount. */
  static final String MAX_DELIVERY_REASON = "MaxDeliveryCountExceeded";

  /** Service Bus' reason when the time to live ran out (dead-lettering on expiration). */
  static final String EXPIRED_REASON = "TTLExpiredException";

  private MessageMapping() {}

  /** Names no application property may take: the broker's and the adapter's own. */
  static boolean isReserved(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("_AMQ")
        || upper.startsWith("__AMQ")
        || upper.startsWith("_HQ")
        || upper.startsWith("_IH_");
  }

  /** UTF-8 body, checked against the size limit and the entity's session rule. */
  static byte[] encodeBody(
      OutboundMessage message, int maxMessageBytes, boolean requiresSession, String target)
      throws MessageBusException {
    if (requiresSession && message.sessionId().isEmpty()) {
      throw new io.integrationhub.bus.SessionRequiredException(
          target + " requires sessions: the message has no session id");
    }
    for (String name : message.properties().keySet()) {
      if (isReserved(name)) {
        throw new MessageBusException(
            "Application property name '" + name + "' is reserved for the broker/adapter");
      }
    }
    // A UTF-8 string is at most 3 bytes per char: skip encoding a body that is obviously too big.
    if ((long) message.body().length() > maxMessageBytes) {
      throw tooLarge(target, message.body().length(), maxMessageBytes, "at least ");
    }
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    if (body.length > maxMessageBytes) {
      throw tooLarge(target, body.length, maxMessageBytes, "");
    }
    return body;
  }

  private static io.integrationhub.bus.MessageTooLargeException tooLarge(
      String target, long size, int max, String qualifier) {
    return new io.integrationhub.bus.MessageTooLargeException(
        "Message body of "
            + qualifier
            + size
            + " bytes is larger than the "
            + max
            + " bytes "
            + target
            + " accepts");
  }

  /** A durable core message carrying the hub message. */
  static ClientMessage toClientMessage(
      ClientSession session, OutboundMessage message, byte[] body, RoutingType routingType) {
    ClientMessage out = session.createMessage(Message.BYTES_TYPE, true);
    out.getBodyBuffer().writeBytes(body);
    out.setRoutingType(routingType);
    message.sessionId().ifPresent(id -> out.setGroupID(SimpleString.of(id)));
    message.messageId().ifPresent(id -> out.putStringProperty(MESSAGE_ID, id));
    message.properties().forEach(out::putStringProperty);
    return out;
  }

  /** The body bytes as sent (works for regular and large messages). */
  static byte[] body(ClientMessage message) {
    ActiveMQBuffer buffer = message.getBodyBuffer();
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    return bytes;
  }

  static String bodyText(ClientMessage message) {
    return new String(body(message), StandardCharsets.UTF_8);
  }

  static Optional<String> sessionId(ClientMessage message) {
    return Optional.ofNullable(message.getGroupID()).map(SimpleString::toString);
  }

  static Optional<String> messageId(ClientMessage message) {
    return Optional.ofNullable(message.getStringProperty(MESSAGE_ID));
  }

  static Instant enqueuedTime(ClientMessage message) {
    return Instant.ofEpochMilli(message.getTimestamp());
  }

  /**
   * The delivery count the port promises: 1 on the first delivery. Artemis raises a reference's
   * count as it hands it to a consumer, so the core value already is 1 on the first delivery; the
   * floor guards against a broker that reports 0 (the Service Bus AMQP header convention).
   */
  static int deliveryCount(ClientMessage message) {
    return Math.max(1, message.getDeliveryCount());
  }

  /** Application properties (everything not reserved), values as strings, in name order. */
  static Map<String, String> applicationProperties(ClientMessage message) {
    Map<String, String> properties = new LinkedHashMap<>();
    message.getPropertyNames().stream()
        .map(SimpleString::toString)
        .filter(name -> !isReserved(name))
        .sorted()
        .forEach(
            name -> {
              Object value = message.getObjectProperty(name);
              if (value != null) {
                properties.put(name, value.toString());
              }
            });
    return properties;
  }
}
