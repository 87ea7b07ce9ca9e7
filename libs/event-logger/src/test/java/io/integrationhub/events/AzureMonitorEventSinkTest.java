package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AzureMonitorEventSinkTest {

  private static String attribute(LogRecordData record, String key) {
    return record.getAttributes().get(AttributeKey.stringKey(key));
  }

  @Test
  void exportsEachEventAsAnInfoLogRecordWithTheFieldsAsAttributes() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    AzureMonitorEventSink sink = new AzureMonitorEventSink(exporter, "phw-hl7-server");
    Event event =
        new Event(
            "phw-to-mpi",
            "phw-hl7-server",
            EventType.MESSAGE_FAILED,
            TestEvents.NOW,
            "MSH|^~\\&|A",
            "Invalid HL7 message format",
            "Invalid HL7 Message: x",
            "cid-7");

    sink.accept(event);
    assertThat(sink.flush(Duration.ofSeconds(5))).isTrue();

    List<LogRecordData> records = exporter.getFinishedLogRecordItems();
    assertThat(records).hasSize(1);
    LogRecordData record = records.get(0);
    assertThat(record.getBodyValue().asString()).isEqualTo("Integration Hub Event");
    assertThat(record.getSeverity()).isEqualTo(Severity.INFO);
    assertThat(record.getSeverityText()).isEqualTo("INFO");
    assertThat(record.getTimestampEpochNanos())
        .isEqualTo(
            TimeUnit.SECONDS.toNanos(TestEvents.NOW.getEpochSecond()) + TestEvents.NOW.getNano());
    assertThat(attribute(record, "workflow_id")).isEqualTo("phw-to-mpi");
    assertThat(attribute(record, "microservice_id")).isEqualTo("phw-hl7-server");
    assertThat(attribute(record, "event_type")).isEqualTo("MESSAGE_FAILED");
    assertThat(attribute(record, "timestamp")).isEqualTo("2026-11-21T04:39:13.266382+00:00");
    assertThat(attribute(record, "message_content")).isEqualTo("MSH|^~\\&|A");
    assertThat(attribute(record, "validation_result")).isEqualTo("Invalid HL7 message format");
    assertThat(attribute(record, "error_details")).isEqualTo("Invalid HL7 Message: x");
    assertThat(attribute(record, "correlation_id")).isEqualTo("cid-7");
    assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("integration-hub.events");
    assertThat(record.getResource().getAttribute(AttributeKey.stringKey("service.name")))
        .isEqualTo("phw-hl7-server");
    assertThat(record.getResource().getAttribute(AttributeKey.stringKey("service.version")))
        .isEqualTo("1.0.0");
    sink.close();
  }

  @Test
  void nullFieldsAreLeftOut() {
    Attributes attributes =
        AzureMonitorEventSink.attributes(TestEvents.event(EventType.MESSAGE_RECEIVED, "MSH|^~\\&"));

    assertThat(attributes.asMap().keySet())
        .extracting(AttributeKey::getKey)
        .containsExactlyInAnyOrder(
            "workflow_id", "microservice_id", "event_type", "timestamp", "message_content");
  }

  @Test
  void addsTheCurrentSpanIdsWhenASpanIsActive() {
    SpanContext context =
        SpanContext.create(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            TraceFlags.getSampled(),
            TraceState.getDefault());
    Attributes attributes;
    Scope scope = Span.wrap(context).makeCurrent();
    try {
      attributes = AzureMonitorEventSink.attributes(TestEvents.event(EventType.MESSAGE_SENT, ""));
    } finally {
      scope.close();
    }

    assertThat(attributes.get(AttributeKey.stringKey("otel_trace_id")))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(attributes.get(AttributeKey.stringKey("otel_span_id")))
        .isEqualTo("b7ad6b7169203331");
  }

  @Test
  void eventsGoThroughTheEventLoggerRedacted() {
    InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    AzureMonitorEventSink sink = new AzureMonitorEventSink(exporter, "svc");
    EventLogger logger =
        new EventLogger(TestEvents.settings(true), List.of(sink), TestEvents.CLOCK);

    logger.log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, null);
    sink.flush(Duration.ofSeconds(5));

    String content = attribute(exporter.getFinishedLogRecordItems().get(0), "message_content");
    assertThat(content)
        .isEqualTo(Hl7Redactor.redact(TestEvents.ADT_A31))
        .doesNotContain(TestEvents.PATIENT_NAME, TestEvents.NHS_NUMBER);
    logger.close();
  }

  @Test
  void closeExportsWhatIsQueuedAndShutsTheExporterDown() {
    CollectingExporter exporter = new CollectingExporter();
    AzureMonitorEventSink sink = new AzureMonitorEventSink(exporter, "svc");
    for (int i = 0; i < 10; i++) {
      sink.accept(TestEvents.event(EventType.MESSAGE_RECEIVED, "MSH|^~\\&|" + i));
    }

    sink.close();

    assertThat(exporter.records).hasSize(10);
    assertThat(exporter.shutdown).isTrue();
  }

  @Test
  void acceptDoesNotWaitForASlowExporter() {
    CollectingExporter stuck = new CollectingExporter(true);
    AzureMonitorEventSink sink = new AzureMonitorEventSink(stuck, "svc", Duration.ofSeconds(1));
    long start = System.nanoTime();

    for (int i = 0; i < 5_000; i++) {
      sink.accept(TestEvents.event(EventType.MESSAGE_RECEIVED, "MSH|^~\\&|" + i));
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    long closeStart = System.nanoTime();
    sink.close();
    assertThat(Duration.ofNanos(System.nanoTime() - closeStart)).isLessThan(Duration.ofSeconds(5));
  }

  /**
   * Keeps what it exports (the SDK's in-memory exporter forgets on shutdown); when stuck, its
   * exports never complete, like an endpoint that does not answer.
   */
  private static final class CollectingExporter implements LogRecordExporter {
    final List<LogRecordData> records = new CopyOnWriteArrayList<>();
    final AtomicBoolean shutdown = new AtomicBoolean();
    private final boolean stuck;

    CollectingExporter() {
      this(false);
    }

    CollectingExporter(boolean stuck) {
      this.stuck = stuck;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      if (stuck) {
        return new CompletableResultCode();
      }
      records.addAll(logs);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      shutdown.set(true);
      return CompletableResultCode.ofSuccess();
    }
  }
}
