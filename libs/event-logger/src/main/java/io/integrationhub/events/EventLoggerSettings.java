package io.integrationhub.events;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is logging and where events go, read from environment variables. Values are trimmed; blank
 * counts as unset. Defaults live here.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code WORKFLOW_ID}</td><td>required</td><td>{@code workflow_id} of every
 *       event</td></tr>
 *   <tr><td>{@code MICROSERVICE_ID}</td><td>required</td><td>{@code microservice_id} of every
 *       event</td></tr>
 *   <tr><td>{@code HL7_LOG_REDACTION_ENABLED}</td><td>enabled</td><td>disabled only by {@code
 *       false}, {@code 0}, {@code no}, {@code off} (any case)</td></tr>
 *   <tr><td>{@code APPLICATIONINSIGHTS_CONNECTION_STRING}</td><td>unset</td><td>set: events are
 *       also exported to Azure Monitor</td></tr>
 *   <tr><td>{@code INSIGHTS_UAMI_CLIENT_ID}</td><td>unset</td><td>set: export authenticates with
 *       this user-assigned managed identity</td></tr>
 *   <tr><td>{@code OTEL_SERVICE_NAME}</td><td>{@code MICROSERVICE_ID}</td><td>service name
 *       (Application Insights role name)</td></tr>
 * </table>
 *
 * @param workflowId {@code WORKFLOW_ID}
 * @param microserviceId {@code MICROSERVICE_ID}
 * @param redactionEnabled whether event payloads are redacted (spec E4)
 * @param applicationInsightsConnectionString Application Insights connection string (never logged,
 *     not shown by {@link #toString()})
 * @param managedIdentityClientId client id of the user-assigned managed identity for ingestion
 * @param serviceName OpenTelemetry {@code service.name}
 */
public record EventLoggerSettings(
    String workflowId,
    String microserviceId,
    boolean redactionEnabled,
    Optional<String> applicationInsightsConnectionString,
    Optional<String> managedIdentityClientId,
    String serviceName) {

  public static final String WORKFLOW_ID = "WORKFLOW_ID";
  public static final String MICROSERVICE_ID = "MICROSERVICE_ID";
  public static final String HL7_LOG_REDACTION_ENABLED = "HL7_LOG_REDACTION_ENABLED";
  public static final String APPLICATIONINSIGHTS_CONNECTION_STRING =
      "APPLICATIONINSIGHTS_CONNECTION_STRING";
  public static final String INSIGHTS_UAMI_CLIENT_ID = "INSIGHTS_UAMI_CLIENT_ID";
  public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";

  private static final Set<String> REDACTION_OFF_VALUES = Set.of("false", "0", "no", "off");

  public EventLoggerSettings {
    workflowId = requireNonBlank(workflowId, WORKFLOW_ID);
    microserviceId = requireNonBlank(microserviceId, MICROSERVICE_ID);
    serviceName = requireNonBlank(serviceName, OTEL_SERVICE_NAME);
    applicationInsightsConnectionString =
        nonBlank(
            Objects.requireNonNull(
                applicationInsightsConnectionString, "applicationInsightsConnectionString"));
    managedIdentityClientId =
        nonBlank(Objects.requireNonNull(managedIdentityClientId, "managedIdentityClientId"));
  }

  /** Reads the settings from environment variables such as {@link System#getenv()}. */
  public static EventLoggerSettings from(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String microserviceId = requireNonBlank(env.get(MICROSERVICE_ID), MICROSERVICE_ID);
    return new EventLoggerSettings(
        requireNonBlank(env.get(WORKFLOW_ID), WORKFLOW_ID),
        microserviceId,
        redactionEnabled(env.get(HL7_LOG_REDACTION_ENABLED)),
        optional(env.get(APPLICATIONINSIGHTS_CONNECTION_STRING)),
        optional(env.get(INSIGHTS_UAMI_CLIENT_ID)),
        optional(env.get(OTEL_SERVICE_NAME)).orElse(microserviceId));
  }

  /**
   * Reads the settings from a variable lookup such as Spring's {@code Environment::getProperty}.
   */
  public static EventLoggerSettings from(Function<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            WORKFLOW_ID,
            MICROSERVICE_ID,
            HL7_LOG_REDACTION_ENABLED,
            APPLICATIONINSIGHTS_CONNECTION_STRING,
            INSIGHTS_UAMI_CLIENT_ID,
            OTEL_SERVICE_NAME)) {
      String value = variables.apply(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return from(env);
  }

  /** Redaction stays on unless the value is exactly one of false/0/no/off (trimmed, any case). */
  static boolean redactionEnabled(String value) {
    return value == null || !REDACTION_OFF_VALUES.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** Shows whether a connection string is set, never the string itself. */
  @Override
  public String toString() {
    return "EventLoggerSettings[workflowId="
        + workflowId
        + ", microserviceId="
        + microserviceId
        + ", redactionEnabled="
        + redactionEnabled
        + ", applicationInsightsConnectionString="
        + (applicationInsightsConnectionString.isPresent() ? "<set>" : "<unset>")
        + ", managedIdentityClientId="
        + managedIdentityClientId.orElse("<unset>")
        + ", serviceName="
        + serviceName
        + "]";
  }

  private static String requireNonBlank(String value, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(variable + " must be set and not blank");
    }
    return value.trim();
  }

  private static Optional<String> optional(String value) {
    return nonBlank(Optional.ofNullable(value));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }
}
