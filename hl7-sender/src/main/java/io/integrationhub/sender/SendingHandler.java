package io.integrationhub.sender;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.processing.HandlerOutcome;
import io.integrationhub.bus.processing.MessageHandler;
import io.integrationhub.bus.store.MessageStoreClient;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventType;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.structure.StructureException;
import io.integrationhub.hl7.validation.xml.ConversionException;
import io.integrationhub.hl7.validation.xml.SchemaLessConverter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bus message (spec hl7-sender.md §4): MESSAGE_RECEIVED, read MSH-10, the message-store copy on
 * its first attempt, wait for the throttle, deliver over MLLP, and decide from the reply.
 *
 * <ul>
 *   <li>A positive ACK (AA/CA) whose MSA-2 is the MSH-10 sent: MESSAGE_SENT, complete.
 *   <li>A negative ACK: MESSAGE_FAILED; retry with back-off (the reference) or dead-letter with the
 *       NAK as reason ({@code NEGATIVE_ACK_POLICY}).
 *   <li>No ACK, not an ACK, an ACK of another message, a timeout, a lost connection:
 *       MESSAGE_FAILED, retry. When the message may have reached the receiver, its next successful
 *       delivery is reported as a possible duplicate.
 *   <li>A body that is not HL7 can never be delivered: MESSAGE_FAILED, dead-letter.
 * </ul>
 *
 * Events and metrics never change the outcome.
 */
final class SendingHandler implements MessageHandler {

  private static final Logger log = LoggerFactory.getLogger(SendingHandler.class);
  private static final int REMEMBERED_KEYS = 10_000;
  private static final String SENDING_FAILED = "Message sending failed - connection/timeout error";

  private final SenderSettings settings;
  private final MllpDelivery delivery;
  private final MessageThrottler throttler;
  private final Optional<MessageStoreClient> store;
  private final EventLogger events;
  private final SenderMetrics metrics;
  private final DeliveryHealth receiverHealth;
  private final RecentKeys attempted = new RecentKeys(REMEMBERED_KEYS);
  private final RecentKeys outcomeUnknown = new RecentKeys(REMEMBERED_KEYS);

  SendingHandler(
      SenderSettings settings,
      MllpDelivery delivery,
      MessageThrottler throttler,
      Optional<MessageStoreClient> store,
      EventLogger events,
      SenderMetrics metrics,
      DeliveryHealth receiverHealth) {
    this.settings = settings;
    this.delivery = delivery;
    this.throttler = throttler;
    this.store = store;
    this.events = events;
    this.metrics = metrics;
    this.receiverHealth = receiverHealth;
  }

  @Override
  public HandlerOutcome handle(ReceivedMessage message) throws InterruptedException {
    long started = System.nanoTime();
    String body = message.body();
    String correlationId = message.properties().get("CorrelationId");
    events.log(
        EventType.MESSAGE_RECEIVED, body, "Message received for HL7 sending", null, correlationId);
    String controlId;
    try {
      controlId = MessageHeader.parse(body).controlId();
    } catch (Hl7ParseException e) {
      return notHl7(message, body, correlationId, e);
    }
    String key = key(message, controlId);
    storeOnFirstAttempt(message, body, key, correlationId);
    if (!throttler.awaitTurn()) {
      return HandlerOutcome.retry("shutting down before sending");
    }
    boolean maybeDuplicate = outcomeUnknown.contains(key);
    DeliveryResult result = delivery.deliver(body, controlId);
    return switch (result) {
      case DeliveryResult.Replied replied ->
          replied(replied, maybeDuplicate, key, controlId, body, correlationId, started);
      case DeliveryResult.NotDelivered failed ->
          notDelivered(failed, key, controlId, body, correlationId);
      case DeliveryResult.Unsendable unsendable -> {
        events.log(
            EventType.MESSAGE_FAILED,
            body,
            "Unexpected processing error",
            "Message " + controlId + " cannot be sent: " + unsendable.reason(),
            correlationId);
        yield HandlerOutcome.deadLetter(
            "UnsendableMessage", "The message cannot be encoded for MLLP: " + unsendable.reason());
      }
    };
  }

  private HandlerOutcome replied(
      DeliveryResult.Replied replied,
      boolean maybeDuplicate,
      String key,
      String controlId,
      String body,
      String correlationId,
      long started) {
    AckVerdict verdict = replied.verdict();
    switch (verdict) {
      case AckVerdict.Accepted accepted -> {
        outcomeUnknown.remove(key);
        receiverHealth.success();
        metrics.sent(System.nanoTime() - started);
        boolean duplicate = maybeDuplicate || replied.resentAfterUnknownOutcome();
        String text = "Message sent successfully, received ACK: " + accepted.summary();
        if (duplicate) {
          metrics.possibleDuplicate();
          text += " (sent again after an unknown outcome: the receiver may have it twice)";
        }
        events.log(EventType.MESSAGE_SENT, body, text, null, correlationId);
        return HandlerOutcome.completed();
      }
      case AckVerdict.Negative negative -> {
        outcomeUnknown.remove(key);
        receiverHealth.success();
        return rejected(negative, controlId, body, correlationId);
      }
      case AckVerdict.WrongControlId wrong -> {
        String error = "ACK does not match message " + controlId + ": " + wrong.summary();
        return unusableReply("wrong_control_id", error, key, body, correlationId);
      }
      case AckVerdict.NotAnAck notAnAck -> {
        String error = "Invalid reply to message " + controlId + ": " + notAnAck.summary();
        return unusableReply("not_an_ack", error, key, body, correlationId);
      }
    }
  }

  private HandlerOutcome rejected(
      AckVerdict.Negative negative, String controlId, String body, String correlationId) {
    String nak = "Negative ACK received: " + negative.summary();
    metrics.failed("negative_ack");
    events.log(
        EventType.MESSAGE_FAILED,
        body,
        "Message rejected by the receiver",
        nak + " for message " + controlId,
        correlationId);
    log.warn("Message {} (correlation {}) rejected: {}", controlId, correlationId, nak);
    return settings.negativeAckPolicy() == SenderSettings.NegativeAckPolicy.DEAD_LETTER
        ? HandlerOutcome.deadLetter(
            nak, settings.peerService() + " answered " + negative.summary() + " to " + controlId)
        : HandlerOutcome.retry(nak);
  }

  private HandlerOutcome notDelivered(
      DeliveryResult.NotDelivered failed,
      String key,
      String controlId,
      String body,
      String correlationId) {
    if (failed.outcomeUnknown()) {
      outcomeUnknown.add(key);
    }
    return failed(
        "not_delivered",
        "Failed to send message " + controlId + ": " + failed.reason(),
        body,
        correlationId);
  }

  /** The message was written but the reply says nothing about it: MPI may have it. */
  private HandlerOutcome unusableReply(
      String kind, String error, String key, String body, String correlationId) {
    outcomeUnknown.add(key);
    return failed(kind, error, body, correlationId);
  }

  private HandlerOutcome failed(String kind, String error, String body, String correlationId) {
    receiverHealth.failure(error);
    metrics.failed(kind);
    events.log(EventType.MESSAGE_FAILED, body, SENDING_FAILED, error, correlationId);
    log.warn("{} (correlation {}); it stays on the bus and is retried", error, correlationId);
    return HandlerOutcome.retry(error);
  }

  private HandlerOutcome notHl7(
      ReceivedMessage message, String body, String correlationId, Hl7ParseException e) {
    String error = "Unexpected error while processing message: " + e.getMessage();
    metrics.failed("not_hl7");
    events.log(EventType.MESSAGE_FAILED, body, "Unexpected processing error", error, correlationId);
    log.warn(
        "Bus message {} (correlation {}) is not HL7 and is dead-lettered: {}",
        message.messageId().orElse("-"),
        correlationId,
        e.getMessage());
    return HandlerOutcome.deadLetter(
        "NotHl7", "The message body is not an HL7 v2 message: " + e.getMessage());
  }

  /**
   * Sends the store copy on the message's first delivery, and on the first attempt this process
   * makes of a redelivered message (it may have been abandoned unattempted behind a failure).
   * Replays (property {@code ReplayId}) are already in the store.
   */
  private void storeOnFirstAttempt(
      ReceivedMessage message, String body, String key, String correlationId) {
    boolean firstAttemptHere = attempted.add(key);
    if (store.isEmpty() || message.properties().containsKey("ReplayId")) {
      return;
    }
    if (message.deliveryCount() > 1 && !firstAttemptHere) {
      log.debug("Skipping the message store on retry of {}", key);
      return;
    }
    store.get().save(body, xml(body, correlationId), message.properties());
  }

  private Optional<String> xml(String body, String correlationId) {
    try {
      return Optional.of(SchemaLessConverter.convert(body));
    } catch (Er7FormatException | StructureException | ConversionException | RuntimeException e) {
      events.log(
          EventType.VALIDATION_FAILED,
          body,
          "Failed to generate XML payload for message store: " + e.getClass().getSimpleName(),
          null,
          correlationId);
      return Optional.empty();
    }
  }

  /**
   * Identifies a message across deliveries: its bus message id, else correlation id, else MSH-10.
   */
  private static String key(ReceivedMessage message, String controlId) {
    Map<String, String> properties = message.properties();
    return message
        .messageId()
        .or(() -> Optional.ofNullable(properties.get("CorrelationId")))
        .orElse(controlId);
  }
}
