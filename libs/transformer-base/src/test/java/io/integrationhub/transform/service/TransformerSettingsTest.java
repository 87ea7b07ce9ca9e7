package io.integrationhub.transform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.service.TransformerSettings.FailurePolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformerSettingsTest {

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("INGRESS_QUEUE_NAME", "in-q");
    env.put("EGRESS_QUEUE_NAME", "out-q");
    env.put("WORKFLOW_ID", "phw-to-mpi");
    env.put("MICROSERVICE_ID", "phw_hl7_transformer");
    return env;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"INGRESS_QUEUE_NAME", "EGRESS_QUEUE_NAME", "WORKFLOW_ID", "MICROSERVICE_ID"})
  void requiredVariablesMissingOrBlankStopStartUp(String name) {
    Map<String, String> missing = minimal();
    missing.remove(name);
    assertThatThrownBy(() -> TransformerSettings.from(missing::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);

    Map<String, String> blank = minimal();
    blank.put(name, "  ");
    assertThatThrownBy(() -> TransformerSettings.from(blank::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
  }

  @Test
  void defaults() {
    Map<String, String> env = minimal();
    TransformerSettings settings = TransformerSettings.from(env::get);

    assertThat(settings.ingressQueue()).isEqualTo("in-q");
    assertThat(settings.egressQueue()).isEqualTo("out-q");
    assertThat(settings.workflowId()).isEqualTo("phw-to-mpi");
    assertThat(settings.microserviceId()).isEqualTo("phw_hl7_transformer");
    assertThat(settings.ingressSessionId()).isEmpty();
    assertThat(settings.egressSessionId()).isEmpty();
    assertThat(settings.maxBatchSize()).isEqualTo(TransformerSettings.DEFAULT_MAX_BATCH_SIZE);
    assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.DEAD_LETTER);
    assertThat(settings.healthCheck().host()).isEqualTo("127.0.0.1");
    assertThat(settings.healthCheck().port()).isEqualTo(9000);
  }

  @Test
  void everyValueRead() {
    Map<String, String> env = minimal();
    env.put("INGRESS_SESSION_ID", "phw-to-mpi");
    env.put("EGRESS_SESSION_ID", "mpi");
    env.put("MAX_BATCH_SIZE", "25");
    env.put("TRANSFORM_FAILURE_POLICY", "retry");
    env.put("HEALTH_CHECK_HOST", "0.0.0.0");
    env.put("HEALTH_CHECK_PORT", "9021");
    TransformerSettings settings = TransformerSettings.from(env::get);

    assertThat(settings.ingressSessionId()).isEqualTo(Optional.of("phw-to-mpi"));
    assertThat(settings.egressSessionId()).isEqualTo(Optional.of("mpi"));
    assertThat(settings.maxBatchSize()).isEqualTo(25);
    assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.RETRY);
    assertThat(settings.healthCheck().host()).isEqualTo("0.0.0.0");
    assertThat(settings.healthCheck().port()).isEqualTo(9021);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dead-letter", "DEAD-LETTER", "deadletter", "dead_letter"})
  void deadLetterPolicySpellings(String value) {
    Map<String, String> env = minimal();
    env.put("TRANSFORM_FAILURE_POLICY", value);
    assertThat(TransformerSettings.from(env::get).failurePolicy())
        .isEqualTo(FailurePolicy.DEAD_LETTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"retry", "RETRY", "Retry"})
  void retryPolicySpellings(String value) {
    Map<String, String> env = minimal();
    env.put("TRANSFORM_FAILURE_POLICY", value);
    assertThat(TransformerSettings.from(env::get).failurePolicy()).isEqualTo(FailurePolicy.RETRY);
  }

  @Test
  void unknownPolicyIsRejected() {
    Map<String, String> env = minimal();
    env.put("TRANSFORM_FAILURE_POLICY", "ignore");
    assertThatThrownBy(() -> TransformerSettings.from(env::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRANSFORM_FAILURE_POLICY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "abc", "10001"})
  void badBatchSizeIsRejected(String value) {
    Map<String, String> env = minimal();
    env.put("MAX_BATCH_SIZE", value);
    assertThatThrownBy(() -> TransformerSettings.from(env::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_BATCH_SIZE");
  }

  @Test
  void nonIntegerHealthPortIsRejected() {
    Map<String, String> env = minimal();
    env.put("HEALTH_CHECK_PORT", "ninety");
    assertThatThrownBy(() -> TransformerSettings.from(env::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
