package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

class JsonLogEventSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode parse(String line) throws Exception {
    assertThat(line).startsWith("Integration Hub Event: ");
    return JSON.readTree(line.substring("Integration Hub Event: ".length()));
  }

  @Test
  void writesOneInfoLineOnTheEventsLogger() throws Exception {
    Logger logger = mock(Logger.class);
    when(logger.isInfoEnabled()).thenReturn(true);
    Event event = TestEvents.event(EventType.MESSAGE_RECEIVED, "MSH|^~\\&|A");

    new JsonLogEventSink(logger).accept(event);

    ArgumentCaptor<String> line = ArgumentCaptor.forClass(String.class);
    verify(logger).info(line.capture());
    assertThat(line.getValue()).isEqualTo(JsonLogEventSink.line(event));
    assertThat(JsonLogEventSink.LOGGER_NAME).isEqualTo("integration-hub.events");
  }

  @Test
  void writesNothingWhenInfoIsOff() throws Exception {
    Logger logger = mock(Logger.class);

    new JsonLogEventSink(logger).accept(TestEvents.event(EventType.MESSAGE_RECEIVED, "x"));

    verify(logger, never()).info(org.mockito.ArgumentMatchers.anyString());
  }

  @Test
  void everyFieldHasItsSpecNameAndValue() throws Exception {
    Event event =
        new Event(
            "phw-to-mpi",
            "phw-hl7-server",
            EventType.VALIDATION_FAILED,
            TestEvents.NOW,
            "MSH|^~\\&|A",
            "HL7 validation error: bad",
            "details",
            "cid-1");

    JsonNode json = parse(JsonLogEventSink.line(event));

    assertThat(json.get("workflow_id").asText()).isEqualTo("phw-to-mpi");
    assertThat(json.get("microservice_id").asText()).isEqualTo("phw-hl7-server");
    assertThat(json.get("event_type").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(json.get("timestamp").asText()).isEqualTo(TestEvents.NOW_TEXT);
    assertThat(json.get("message_content").asText()).isEqualTo("MSH|^~\\&|A");
    assertThat(json.get("validation_result").asText()).isEqualTo("HL7 validation error: bad");
    assertThat(json.get("error_details").asText()).isEqualTo("details");
    assertThat(json.get("correlation_id").asText()).isEqualTo("cid-1");
    assertThat(json.has("otel_trace_id")).isFalse();
    assertThat(json.has("otel_span_id")).isFalse();
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "workflow_id",
            "microservice_id",
            "event_type",
            "timestamp",
            "message_content",
            "validation_result",
            "error_details",
            "correlation_id");
  }

  @Test
  void absentOptionalFieldsAreJsonNull() throws Exception {
    JsonNode json =
        parse(JsonLogEventSink.line(TestEvents.event(EventType.MESSAGE_RECEIVED, "MSH|^~\\&")));

    assertThat(json.get("validation_result").isNull()).isTrue();
    assertThat(json.get("error_details").isNull()).isTrue();
    assertThat(json.get("correlation_id").isNull()).isTrue();
  }

  @Test
  void timestampIsUtcWithMicrosecondsAndPlusZeroOffset() throws Exception {
    JsonNode json =
        parse(
            JsonLogEventSink.line(
                new Event(
                    "w",
                    "m",
                    EventType.MESSAGE_SENT,
                    Instant.parse("2026-01-02T03:04:05Z"),
                    "",
                    null,
                    null,
                    null)));

    String timestamp = json.get("timestamp").asText();
    assertThat(timestamp)
        .isEqualTo("2026-01-02T03:04:05.000000+00:00")
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00");
    assertThat(OffsetDateTime.parse(timestamp).toInstant())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void staysOneValidJsonLineWhateverTheContent() throws Exception {
    String nasty = "MSH|a\rb\nc\r\n\"quoted\" \\ back\tslash \u0000\u0001\u000B\u001C\u007F é ŵ 😀";
    Event event =
        new Event(
            "w\"f", "m\nm", EventType.MESSAGE_FAILED, TestEvents.NOW, nasty, "v\r", "e\"\n", "c\t");

    String line = JsonLogEventSink.line(event);

    assertThat(line).doesNotContain("\r", "\n").doesNotContainPattern("[\\x00-\\x1F]");
    JsonNode json = parse(line);
    assertThat(json.get("message_content").asText()).isEqualTo(nasty);
    assertThat(json.get("workflow_id").asText()).isEqualTo("w\"f");
    assertThat(json.get("microservice_id").asText()).isEqualTo("m\nm");
    assertThat(json.get("validation_result").asText()).isEqualTo("v\r");
    assertThat(json.get("error_details").asText()).isEqualTo("e\"\n");
    assertThat(json.get("correlation_id").asText()).isEqualTo("c\t");
  }

  @Test
  void addsTheCurrentSpanIdsWhenASpanIsActive() throws Exception {
    SpanContext context =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    String line;
    Scope scope = Span.wrap(context).makeCurrent();
    try {
      line = JsonLogEventSink.line(TestEvents.event(EventType.MESSAGE_RECEIVED, ""));
    } finally {
      scope.close();
    }

    JsonNode json = parse(line);
    assertThat(json.get("otel_trace_id").asText()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(json.get("otel_span_id").asText()).isEqualTo("b7ad6b7169203331");
  }

  @Test
  void eachEventTypeIsWrittenByName() throws Exception {
    for (EventType type : EventType.values()) {
      assertThat(
              parse(JsonLogEventSink.line(TestEvents.event(type, ""))).get("event_type").asText())
          .isEqualTo(type.name());
    }
    assertThat(List.of(EventType.values()))
        .extracting(Enum::name)
        .containsExactly(
            "MESSAGE_RECEIVED",
            "MESSAGE_PROCESSED",
            "MESSAGE_SENT",
            "MESSAGE_FAILED",
            "VALIDATION_SUCCESS",
            "VALIDATION_FAILED");
  }
}
