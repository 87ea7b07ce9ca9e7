package io.integrationhub.events;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records integration events (spec E1-E4). Every call to {@link #log} builds one {@link Event} with
 * the service's workflow and microservice ids and a UTC timestamp (microseconds), redacts the
 * payload unless redaction is disabled, and hands the event to each sink in turn.
 *
 * <p>Telemetry never breaks message processing: {@link #log} does not throw. A sink that fails is
 * logged (exception class and message only, never the payload) and counted in {@link
 * #failedDeliveries()}; the other sinks still get the event. Thread-safe.
 */
public final class EventLogger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventLogger.class);

  private final EventLoggerSettings settings;
  private final List<EventSink> sinks;
  private final Clock clock;
  private final AtomicLong failedDeliveries = new AtomicLong();

  /** With explicit sinks (tests, other transports). */
  public EventLogger(EventLoggerSettings settings, List<EventSink> sinks, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sinks = List.copyOf(sinks);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The JSON log sink always; plus the Azure Monitor sink when a connection string is set. If the
   * Azure Monitor exporter cannot be built, a warning is logged and events go to the JSON log only.
   */
  public static EventLogger create(EventLoggerSettings settings) {
    List<EventSink> sinks = new ArrayList<>();
    sinks.add(new JsonLogEventSink());
    if (settings.applicationInsightsConnectionString().isPresent()) {
      try {
        sinks.add(AzureMonitorEventSink.create(settings));
      } catch (RuntimeException | LinkageError e) {
        // The message of a parse failure may quote the connection string: class name only.
        log.warn(
            "Azure Monitor event export is disabled: the exporter could not be created ({}); events"
                + " go to the JSON log only. Check {}{}.",
            e.getClass().getName(),
            EventLoggerSettings.APPLICATIONINSIGHTS_CONNECTION_STRING,
            settings.managedIdentityClientId().isPresent()
                ? " and " + EventLoggerSettings.INSIGHTS_UAMI_CLIENT_ID
                : "");
      }
    }
    EventLogger logger = new EventLogger(settings, sinks, Clock.systemUTC());
    log.info(
        "Event logger ready: workflow {}, microservice {}, service name {}, redaction {}, sinks {}",
        settings.workflowId(),
        settings.microserviceId(),
        settings.serviceName(),
        settings.redactionEnabled() ? "enabled" : "DISABLED",
        sinks);
    if (!settings.redactionEnabled()) {
      log.warn(
          "{} is off: event payloads are logged with patient data. Local debugging only.",
          EventLoggerSettings.HL7_LOG_REDACTION_ENABLED);
    }
    return logger;
  }

  /**
   * Records one event. Never throws. {@code messageContent} is redacted (spec E4) unless redaction
   * is disabled; {@code validationResult}, {@code errorDetails} and {@code correlationId} may be
   * null.
   */
  public void log(
      EventType type,
      String messageContent,
      String validationResult,
      String errorDetails,
      String correlationId) {
    Event event;
    try {
      event =
          new Event(
              settings.workflowId(),
              settings.microserviceId(),
              type,
              clock.instant().truncatedTo(ChronoUnit.MICROS),
              settings.redactionEnabled()
                  ? Hl7Redactor.redact(messageContent)
                  : Objects.requireNonNullElse(messageContent, ""),
              validationResult,
              errorDetails,
              correlationId);
    } catch (RuntimeException e) {
      failedDeliveries.incrementAndGet();
      log.warn("Event {} not recorded: {}", type, describe(e));
      return;
    }
    for (EventSink sink : sinks) {
      deliver(sink, event);
    }
  }

  private void deliver(EventSink sink, Event event) {
    try {
      sink.accept(event);
    } catch (Exception | LinkageError e) {
      failedDeliveries.incrementAndGet();
      log.warn("Failed to log event {} to {}: {}", event.eventType(), sink, describe(e));
    }
  }

  /** Exception class and message only: no stack trace, whose causes could carry payload text. */
  private static String describe(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getName()
        : e.getClass().getName() + ": " + e.getMessage();
  }

  /**
   * How many deliveries failed so far: one per sink that threw for an event (plus events that could
   * not be built at all, e.g. without a type).
   */
  public long failedDeliveries() {
    return failedDeliveries.get();
  }

  public EventLoggerSettings settings() {
    return settings;
  }

  List<EventSink> sinks() {
    return sinks;
  }

  /** Flushes and closes every sink that is {@link AutoCloseable}. Never throws. */
  @Override
  public void close() {
    for (EventSink sink : sinks) {
      if (sink instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          log.warn("Closing event sink {} was interrupted", sink);
        } catch (Exception | LinkageError e) {
          log.warn("Closing event sink {} failed: {}", sink, describe(e));
        }
      }
    }
  }
}
