package io.integrationhub.events;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Exports each event as an OpenTelemetry log record: body {@value #BODY}, severity INFO, the spec
 * E1 fields as attributes (null fields are left out), which Application Insights shows as an {@code
 * AppTraces} row with custom dimensions. Records are batched ({@link BatchLogRecordProcessor}) and
 * exported on a background thread, so {@link #accept} only enqueues; a full queue drops records
 * rather than blocking. {@link #close()} flushes, bounded in time.
 *
 * <p>The exporter is pluggable: {@link #create} builds the Azure Monitor one, tests and other
 * transports pass their own.
 */
public final class AzureMonitorEventSink implements EventSink, AutoCloseable {
  public static final String BODY = "Integration Hub Event";
  static final String SERVICE_VERSION = "1.0.0";
  static final String INSTRUMENTATION_SCOPE = JsonLogEventSink.LOGGER_NAME;
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private static final AttributeKey<String> SERVICE_NAME_KEY =
      AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> SERVICE_VERSION_KEY =
      AttributeKey.stringKey("service.version");

  private final SdkLoggerProvider loggerProvider;
  private final Logger logger;
  private final Duration closeTimeout;

  /** Batches events to {@code exporter}, with resource {@code service.name = serviceName}. */
  public AzureMonitorEventSink(LogRecordExporter exporter, String serviceName) {
    this(exporter, serviceName, CLOSE_TIMEOUT);
  }

  AzureMonitorEventSink(LogRecordExporter exporter, String serviceName, Duration closeTimeout) {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(serviceName, "serviceName");
    this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        SERVICE_NAME_KEY, serviceName, SERVICE_VERSION_KEY, SERVICE_VERSION)));
    this.loggerProvider =
        SdkLoggerProvider.builder()
            .setResource(resource)
            .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter).build())
            .build();
    this.logger = loggerProvider.get(INSTRUMENTATION_SCOPE);
  }

  /**
   * The Azure Monitor sink for these settings: connection-string authentication, or the
   * user-assigned managed identity when {@code INSIGHTS_UAMI_CLIENT_ID} is set.
   *
   * @throws IllegalStateException when no connection string is configured
   * @throws RuntimeException when the exporter cannot be built (e.g. a malformed connection string)
   */
  public static AzureMonitorEventSink create(EventLoggerSettings settings) {
    String connectionString =
        settings
            .applicationInsightsConnectionString()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        EventLoggerSettings.APPLICATIONINSIGHTS_CONNECTION_STRING + " is not set"));
    LogRecordExporter exporter =
        AzureMonitorLogExporterFactory.create(connectionString, settings.managedIdentityClientId());
    return new AzureMonitorEventSink(exporter, settings.serviceName());
  }

  @Override
  public void accept(Event event) {
    logger
        .logRecordBuilder()
        .setTimestamp(event.timestamp())
        .setSeverity(Severity.INFO)
        .setSeverityText("INFO")
        .setBody(BODY)
        .setAllAttributes(attributes(event))
        .emit();
  }

  static Attributes attributes(Event event) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(EventFields.WORKFLOW_ID, event.workflowId())
            .put(EventFields.MICROSERVICE_ID, event.microserviceId())
            .put(EventFields.EVENT_TYPE, event.eventType().name())
            .put(EventFields.TIMESTAMP, EventTimestamps.format(event.timestamp()))
            .put(EventFields.MESSAGE_CONTENT, event.messageContent());
    putIfPresent(attributes, EventFields.VALIDATION_RESULT, event.validationResult());
    putIfPresent(attributes, EventFields.ERROR_DETAILS, event.errorDetails());
    putIfPresent(attributes, EventFields.CORRELATION_ID, event.correlationId());
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      attributes
          .put(EventFields.OTEL_TRACE_ID, span.getTraceId())
          .put(EventFields.OTEL_SPAN_ID, span.getSpanId());
    }
    return attributes.build();
  }

  private static void putIfPresent(AttributesBuilder attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }

  /** Exports what is queued, waiting at most {@code timeout}. */
  public boolean flush(Duration timeout) {
    return loggerProvider.forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
  }

  /** Flushes and shuts the exporter down, waiting at most 10 seconds. */
  @Override
  public void close() {
    loggerProvider.shutdown().join(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "azure-monitor";
  }
}
