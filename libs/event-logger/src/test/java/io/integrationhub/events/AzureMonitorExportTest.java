package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real Azure Monitor exporter, built from a connection string, against an endpoint nobody
 * listens on (127.0.0.1:9). Nothing reaches Azure: this checks construction, fallback and that
 * logging never blocks, not ingestion.
 */
class AzureMonitorExportTest {
  private static final String UNREACHABLE =
      "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
          + "IngestionEndpoint=http://127.0.0.1:9/";

  private static EventLoggerSettings settings(String connectionString, String clientId) {
    return new EventLoggerSettings(
        "phw-to-mpi",
        "phw-hl7-server",
        true,
        Optional.ofNullable(connectionString),
        Optional.ofNullable(clientId),
        "phw-hl7-server");
  }

  @Test
  void anUnreachableEndpointNeitherThrowsNorBlocksLog() {
    EventLogger logger = EventLogger.create(settings(UNREACHABLE, null));
    assertThat(logger.sinks())
        .hasExactlyElementsOfTypes(JsonLogEventSink.class, AzureMonitorEventSink.class);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 500; i++) {
            logger.log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, "c" + i);
          }
        });
    assertThat(logger.failedDeliveries()).isZero();

    assertTimeoutPreemptively(
        AzureMonitorEventSink.CLOSE_TIMEOUT.plusSeconds(10),
        () -> assertThatCode(logger::close).doesNotThrowAnyException());
  }

  @Test
  void aManagedIdentityClientIdBuildsTheSinkWithoutContactingAnything() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          EventLogger logger = EventLogger.create(settings(UNREACHABLE, "11111111-aaaa"));
          assertThat(logger.sinks()).hasSize(2);
          logger.close();
        });
  }

  @Test
  void aMalformedConnectionStringFallsBackToTheJsonLogOnly() {
    EventLogger logger =
        EventLogger.create(settings("InstrumentationKey=;IngestionEndpoint=not a url", null));

    assertThat(logger.sinks()).singleElement().isInstanceOf(JsonLogEventSink.class);
    assertThatCode(() -> logger.log(EventType.MESSAGE_RECEIVED, "MSH|^~\\&", null, null, null))
        .doesNotThrowAnyException();
    assertThat(logger.failedDeliveries()).isZero();
    logger.close();
  }

  @Test
  void garbageInsteadOfAConnectionStringFallsBackToTheJsonLogOnly() {
    EventLogger logger = EventLogger.create(settings("this is not a connection string", null));

    assertThat(logger.sinks()).singleElement().isInstanceOf(JsonLogEventSink.class);
    logger.close();
  }

  @Test
  void theFallbackWarningNeverShowsTheConnectionString() {
    String secret = "InstrumentationKey=5ec7e7-key-value;IngestionEndpoint=not a url";
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    EventLogger logger;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      logger = EventLogger.create(settings(secret, null));
    } finally {
      System.setErr(stderr);
    }

    assertThat(logger.sinks()).singleElement().isInstanceOf(JsonLogEventSink.class);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Azure Monitor event export is disabled")
        .contains("APPLICATIONINSIGHTS_CONNECTION_STRING")
        .doesNotContain("5ec7e7", "key-value", "not a url");
    logger.close();
  }
}
