package io.integrationhub.transform.service;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.processing.HandlerOutcome;
import io.integrationhub.bus.processing.MessageHandler;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventType;
import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.Transformed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound message (spec transformers.md §2.4): MESSAGE_RECEIVED, transform, publish to the
 * egress with the inbound application properties carried forward, MESSAGE_PROCESSED, complete. Bad
 * data (a {@link TransformException}) is permanent: one MESSAGE_FAILED and, by default, the message
 * is dead-lettered with a reason that names the field; the session goes on. A bus failure is
 * transient: abandon and retry with back-off. Completion happens only after the publish succeeded.
 */
public final class TransformingHandler implements MessageHandler {

  private static final Logger log = LoggerFactory.getLogger(TransformingHandler.class);

  private final FlowTransformer transformer;
  private final MessagePublisher egress;
  private final TransformerSettings settings;
  private final EventLogger events;

  /** A handler publishing {@code transformer}'s output with {@code egress}. */
  public TransformingHandler(
      FlowTransformer transformer,
      MessagePublisher egress,
      TransformerSettings settings,
      EventLogger events) {
    this.transformer = transformer;
    this.egress = egress;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public HandlerOutcome handle(ReceivedMessage message) {
    String body = message.body();
    String correlationId = message.properties().get("CorrelationId");
    events.log(
        EventType.MESSAGE_RECEIVED, body, transformer.receivedAuditText(), null, correlationId);
    Transformed transformed;
    try {
      transformed = transformer.transform(body);
    } catch (TransformException e) {
      String reason = transformer.failedAuditText(e);
      String detail = transformer.failedErrorText(e);
      events.log(EventType.MESSAGE_FAILED, body, reason, detail, correlationId);
      log.warn(
          "Message {} (correlation {}) not transformed: {}",
          message.messageId().orElse("-"),
          correlationId,
          detail);
      return settings.failurePolicy() == TransformerSettings.FailurePolicy.DEAD_LETTER
          ? HandlerOutcome.deadLetter(reason, detail)
          : HandlerOutcome.retry(detail);
    }
    OutboundMessage out =
        OutboundMessage.builder(transformed.message())
            .sessionId(settings.egressSessionId().orElse(null))
            .properties(message.properties())
            .build();
    try {
      egress.publish(out);
    } catch (MessageBusException e) {
      String detail =
          "Unexpected error during message processing: " + MessageBusException.describe(e);
      events.log(
          EventType.MESSAGE_FAILED, body, "Unexpected processing error", detail, correlationId);
      return HandlerOutcome.retry(detail);
    }
    events.log(
        EventType.MESSAGE_PROCESSED,
        transformed.message(),
        transformed.processedAuditText(),
        null,
        correlationId);
    return HandlerOutcome.completed();
  }
}
