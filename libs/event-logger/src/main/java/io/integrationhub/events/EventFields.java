package io.integrationhub.events;

/** The field names of an event on every output (spec E1), shared by the sinks. */
final class EventFields {
  static final String WORKFLOW_ID = "workflow_id";
  static final String MICROSERVICE_ID = "microservice_id";
  static final String EVENT_TYPE = "event_type";
  static final String TIMESTAMP = "timestamp";
  static final String MESSAGE_CONTENT = "message_content";
  static final String VALIDATION_RESULT = "validation_result";
  static final String ERROR_DETAILS = "error_details";
  static final String CORRELATION_ID = "correlation_id";
  static final String OTEL_TRACE_ID = "otel_trace_id";
  static final String OTEL_SPAN_ID = "otel_span_id";

  private EventFields() {}
}
