package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLoggerSettingsTest {
  private static final String CONNECTION_STRING =
      "InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=https://x/";

  private static Map<String, String> env(String... keysAndValues) {
    Map<String, String> env = new HashMap<>();
    env.put("WORKFLOW_ID", "phw-to-mpi");
    env.put("MICROSERVICE_ID", "phw-hl7-server");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsWithOnlyTheRequiredVariables() {
    EventLoggerSettings settings = EventLoggerSettings.from(env());

    assertThat(settings.workflowId()).isEqualTo("phw-to-mpi");
    assertThat(settings.microserviceId()).isEqualTo("phw-hl7-server");
    assertThat(settings.redactionEnabled()).isTrue();
    assertThat(settings.applicationInsightsConnectionString()).isEmpty();
    assertThat(settings.managedIdentityClientId()).isEmpty();
    assertThat(settings.serviceName()).isEqualTo("phw-hl7-server");
  }

  @Test
  void readsEveryVariable() {
    EventLoggerSettings settings =
        EventLoggerSettings.from(
            env(
                "HL7_LOG_REDACTION_ENABLED", "false",
                "APPLICATIONINSIGHTS_CONNECTION_STRING", CONNECTION_STRING,
                "INSIGHTS_UAMI_CLIENT_ID", "client-123",
                "OTEL_SERVICE_NAME", "hl7-server"));

    assertThat(settings)
        .isEqualTo(
            new EventLoggerSettings(
                "phw-to-mpi",
                "phw-hl7-server",
                false,
                Optional.of(CONNECTION_STRING),
                Optional.of("client-123"),
                "hl7-server"));
  }

  @Test
  void trimsValues() {
    EventLoggerSettings settings =
        EventLoggerSettings.from(
            Map.of(
                "WORKFLOW_ID", " wf ",
                "MICROSERVICE_ID", "\tms\n",
                "APPLICATIONINSIGHTS_CONNECTION_STRING", " " + CONNECTION_STRING + " ",
                "INSIGHTS_UAMI_CLIENT_ID", " id ",
                "OTEL_SERVICE_NAME", " svc "));

    assertThat(settings.workflowId()).isEqualTo("wf");
    assertThat(settings.microserviceId()).isEqualTo("ms");
    assertThat(settings.applicationInsightsConnectionString()).contains(CONNECTION_STRING);
    assertThat(settings.managedIdentityClientId()).contains("id");
    assertThat(settings.serviceName()).isEqualTo("svc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WORKFLOW_ID", "MICROSERVICE_ID"})
  void aMissingRequiredVariableIsAnErrorNamingIt(String variable) {
    Map<String, String> env = env();
    env.remove(variable);

    assertThatThrownBy(() -> EventLoggerSettings.from(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WORKFLOW_ID", "MICROSERVICE_ID"})
  void aBlankRequiredVariableIsAnErrorNamingIt(String variable) {
    assertThatThrownBy(() -> EventLoggerSettings.from(env(variable, "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"false", "FALSE", "False", "0", "no", "NO", "off", "Off", " off ", "\tno\n"})
  void redactionIsDisabledOnlyByFalseZeroNoOff(String value) {
    assertThat(EventLoggerSettings.from(env("HL7_LOG_REDACTION_ENABLED", value)).redactionEnabled())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "yes", "on", "", " ", "disabled", "n", "f", "nope", "offf"})
  void anyOtherRedactionValueKeepsRedactionOn(String value) {
    assertThat(EventLoggerSettings.from(env("HL7_LOG_REDACTION_ENABLED", value)).redactionEnabled())
        .isTrue();
  }

  @Test
  void blankOptionalValuesCountAsUnset() {
    EventLoggerSettings settings =
        EventLoggerSettings.from(
            env(
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "  ",
                "INSIGHTS_UAMI_CLIENT_ID", "",
                "OTEL_SERVICE_NAME", " "));

    assertThat(settings.applicationInsightsConnectionString()).isEmpty();
    assertThat(settings.managedIdentityClientId()).isEmpty();
    assertThat(settings.serviceName()).isEqualTo("phw-hl7-server");
  }

  @Test
  void theConstructorNormalisesBlankOptionalsAndRejectsBlankIds() {
    EventLoggerSettings settings =
        new EventLoggerSettings("wf", "ms", true, Optional.of(" "), Optional.of(""), "svc");
    assertThat(settings.applicationInsightsConnectionString()).isEmpty();
    assertThat(settings.managedIdentityClientId()).isEmpty();

    assertThatThrownBy(
            () -> new EventLoggerSettings("wf", "ms", true, Optional.empty(), Optional.empty(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_SERVICE_NAME");
  }

  @Test
  void toStringDoesNotShowTheConnectionString() {
    EventLoggerSettings settings =
        EventLoggerSettings.from(env("APPLICATIONINSIGHTS_CONNECTION_STRING", CONNECTION_STRING));

    assertThat(settings.toString())
        .contains("applicationInsightsConnectionString=<set>")
        .doesNotContain("InstrumentationKey", "11111111");
  }
}
