package io.integrationhub.events;

import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.monitor.opentelemetry.exporter.AzureMonitorExporter;
import com.azure.monitor.opentelemetry.exporter.AzureMonitorExporterOptions;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the Azure Monitor {@link LogRecordExporter}.
 *
 * <p>The exporter library (1.0.0-beta.31) only hands its exporters to the OpenTelemetry SDK
 * autoconfiguration ({@link AzureMonitorExporter#customize}). This factory runs that
 * autoconfiguration with traces and metrics switched off, takes the log exporter out of it and
 * shuts the throw-away SDK down again: no span processor, metric reader, heartbeat or global SDK is
 * left behind to duplicate a service's own telemetry set-up (observability spec §5, commit
 * 9c5121d). The exporter's statsbeat (SDK usage statistics) still starts, as with any use of it.
 */
final class AzureMonitorLogExporterFactory {
  private static final Map<String, String> LOGS_ONLY =
      Map.of(
          "otel.sdk.disabled", "false",
          "otel.logs.exporter", "azure_monitor",
          "otel.traces.exporter", "none",
          "otel.metrics.exporter", "none");
  private static final long SHUTDOWN_SECONDS = 5;

  private AzureMonitorLogExporterFactory() {}

  static LogRecordExporter create(
      String connectionString, Optional<String> managedIdentityClientId) {
    AzureMonitorExporterOptions options =
        new AzureMonitorExporterOptions().connectionString(connectionString);
    managedIdentityClientId.ifPresent(
        clientId ->
            options.credential(new ManagedIdentityCredentialBuilder().clientId(clientId).build()));

    AtomicReference<LogRecordExporter> azureExporter = new AtomicReference<>();
    AutoConfiguredOpenTelemetrySdkBuilder sdk =
        AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook();
    AzureMonitorExporter.customize(sdk, options);
    sdk.addPropertiesCustomizer(config -> LOGS_ONLY)
        // Runs after the Azure customizer: keep its exporter, give the throw-away SDK a no-op one.
        .addLogRecordExporterCustomizer(
            (exporter, config) -> {
              azureExporter.set(exporter);
              return LogRecordExporter.composite();
            });
    OpenTelemetrySdk throwAway = sdk.build().getOpenTelemetrySdk();
    throwAway.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);

    LogRecordExporter exporter = azureExporter.get();
    // Null when the autoconfiguration skipped logs; a marker when the Azure customizer did not run.
    if (exporter == null || exporter.getClass().getName().contains("Marker")) {
      throw new IllegalStateException("The Azure Monitor log exporter was not created");
    }
    return exporter;
  }
}
