package io.integrationhub.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each event as one INFO line on the SLF4J logger {@value #LOGGER_NAME}: {@value #PREFIX}
 * followed by a single-line JSON object with the spec E1 field names (nulls as JSON null). The
 * current span's {@code otel_trace_id} / {@code otel_span_id} are added when a valid span is
 * active.
 */
public final class JsonLogEventSink implements EventSink {
  public static final String LOGGER_NAME = "integration-hub.events";
  public static final String PREFIX = "Integration Hub Event: ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Logger logger;

  public JsonLogEventSink() {
    this(LoggerFactory.getLogger(LOGGER_NAME));
  }

  JsonLogEventSink(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public void accept(Event event) throws JsonProcessingException {
    if (logger.isInfoEnabled()) {
      logger.info(line(event));
    }
  }

  /** The whole log line: prefix and JSON. */
  static String line(Event event) throws JsonProcessingException {
    return PREFIX + toJson(event);
  }

  /** One event as a single-line JSON object; control characters in values are escaped. */
  static String toJson(Event event) throws JsonProcessingException {
    ObjectNode json =
        JSON.createObjectNode()
            .put(EventFields.WORKFLOW_ID, event.workflowId())
            .put(EventFields.MICROSERVICE_ID, event.microserviceId())
            .put(EventFields.EVENT_TYPE, event.eventType().name())
            .put(EventFields.TIMESTAMP, EventTimestamps.format(event.timestamp()))
            .put(EventFields.MESSAGE_CONTENT, event.messageContent())
            .put(EventFields.VALIDATION_RESULT, event.validationResult())
            .put(EventFields.ERROR_DETAILS, event.errorDetails())
            .put(EventFields.CORRELATION_ID, event.correlationId());
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      json.put(EventFields.OTEL_TRACE_ID, span.getTraceId())
          .put(EventFields.OTEL_SPAN_ID, span.getSpanId());
    }
    return JSON.writeValueAsString(json);
  }

  @Override
  public String toString() {
    return "json-log";
  }
}
