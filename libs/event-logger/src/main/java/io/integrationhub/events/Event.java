package io.integrationhub.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable event (spec E1).
 *
 * @param workflowId {@code WORKFLOW_ID} of the service
 * @param microserviceId {@code MICROSERVICE_ID} of the service
 * @param eventType what happened
 * @param timestamp when, UTC
 * @param messageContent the HL7 payload, already redacted (or raw when redaction is off); never
 *     null ({@code null} becomes the empty string)
 * @param validationResult short outcome text, may be null
 * @param errorDetails error text, may be null
 * @param correlationId the message's {@code CorrelationId}, may be null
 */
public record Event(
    String workflowId,
    String microserviceId,
    EventType eventType,
    Instant timestamp,
    String messageContent,
    String validationResult,
    String errorDetails,
    String correlationId) {

  public Event {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(microserviceId, "microserviceId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(timestamp, "timestamp");
    messageContent = messageContent == null ? "" : messageContent;
  }
}
