package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.Source;
import io.integrationhub.sender.SenderSettings.NegativeAckPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec hl7-sender.md §2 (queue sender) and §12 (subscription sender) configuration rules. */
class SenderSettingsTest {

  /** The queue sender's env file, as the spec lists it (host 127.0.0.1 for a one-host profile). */
  private static Map<String, String> queueEnv() {
    return SenderHarness.envFile("mpi-hl7-sender.env");
  }

  private static Map<String, String> subscriptionEnv() {
    return SenderHarness.envFile("mpi-hl7-chemo-sender.env");
  }

  private static SenderSettings parse(Map<String, String> env) {
    return SenderSettings.from(env::get);
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return copy;
  }

  // ------------------------------------------------------------------ the env files

  @Test
  void theQueueSenderEnvFileParsesInQueueMode() {
    SenderSettings settings = parse(queueEnv());

    assertThat(settings.subscriptionMode()).isFalse();
    assertThat(settings.source()).isEqualTo(Source.queue("local-inthub-mpi-sender-ingress"));
    assertThat(settings.sessionId()).contains("mpi");
    assertThat(settings.receiverHost()).isEqualTo("127.0.0.1");
    assertThat(settings.receiverPort()).isEqualTo(2576);
    assertThat(settings.messageStoreQueue()).contains("local-inthub-messagestore");
    assertThat(settings.workflowId()).isEqualTo("phw-to-mpi");
    assertThat(settings.microserviceId()).isEqualTo("mpi_hl7_sender");
    assertThat(settings.healthBoard()).isEqualTo("SHARED");
    assertThat(settings.peerService()).isEqualTo("MPI");
    assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxMessagesPerMinute()).isEqualTo(OptionalInt.of(30));
    assertThat(settings.negativeAckPolicy()).isEqualTo(NegativeAckPolicy.RETRY);
    assertThat(settings.maxBatchSize()).isEqualTo(SenderSettings.DEFAULT_MAX_BATCH_SIZE);
    assertThat(settings.healthCheck().port()).isEqualTo(9031);
  }

  @Test
  void theSubscriptionSenderEnvFileParsesInSubscriptionMode() {
    SenderSettings settings = parse(subscriptionEnv());

    assertThat(settings.subscriptionMode()).isTrue();
    assertThat(settings.source())
        .isEqualTo(Source.subscription("mpihl7input", "mpihl7input-test-subscription"));
    assertThat(settings.sessionId()).contains("mpi-outbound");
    assertThat(settings.receiverHost()).isEqualTo("127.0.0.1");
    assertThat(settings.receiverPort()).isEqualTo(2576);
    assertThat(settings.messageStoreQueue()).isEmpty();
    assertThat(settings.workflowId()).isEqualTo("mpi-to-topic");
    assertThat(settings.microserviceId()).isEqualTo("mpi_hl7_chemo_sender");
    assertThat(settings.healthBoard()).isEqualTo("SHARED");
    assertThat(settings.peerService()).isEqualTo("MPI");
    assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxMessagesPerMinute()).isEqualTo(OptionalInt.of(30));
    assertThat(settings.negativeAckPolicy()).isEqualTo(NegativeAckPolicy.RETRY);
    assertThat(settings.healthCheck().port()).isEqualTo(9032);
  }

  // ------------------------------------------------------------------ required variables

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INGRESS_QUEUE_NAME",
        "INGRESS_SESSION_ID",
        "RECEIVER_MLLP_HOST",
        "RECEIVER_MLLP_PORT",
        "MESSAGE_STORE_QUEUE_NAME",
        "WORKFLOW_ID",
        "MICROSERVICE_ID",
        "HEALTH_BOARD",
        "PEER_SERVICE"
      })
  void queueModeRequiresEachVariable(String name) {
    assertThat(queueEnv()).containsKey(name);

    assertThatThrownBy(() -> parse(with(queueEnv(), name, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
    assertThatThrownBy(() -> parse(with(queueEnv(), name, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
    assertThatThrownBy(() -> parse(with(queueEnv(), name, " \t ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
  }

  @Test
  void theStoreQueueIsNotRequiredWhileTheStoreIsDisabled() {
    // Documented deviation: the reference requires MESSAGE_STORE_QUEUE_NAME even then.
    Map<String, String> env = with(queueEnv(), "MESSAGE_STORE_QUEUE_NAME", null);
    env.put("MESSAGE_STORE_ENABLED", "false");

    SenderSettings settings = parse(env);

    assertThat(settings.messageStoreQueue()).isEmpty();
    assertThat(settings.source()).isEqualTo(Source.queue("local-inthub-mpi-sender-ingress"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INGRESS_SUBSCRIPTION_NAME",
        "RECEIVER_MLLP_HOST",
        "RECEIVER_MLLP_PORT",
        "WORKFLOW_ID",
        "MICROSERVICE_ID",
        "HEALTH_BOARD",
        "PEER_SERVICE"
      })
  void subscriptionModeRequiresEachVariable(String name) {
    assertThat(subscriptionEnv()).containsKey(name);

    assertThatThrownBy(() -> parse(with(subscriptionEnv(), name, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
    assertThatThrownBy(() -> parse(with(subscriptionEnv(), name, "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required configuration: " + name);
  }

  // ------------------------------------------------------------------ subscription mode

  @Test
  void subscriptionModeNeedsNoQueueAndNoSession() {
    Map<String, String> env = with(subscriptionEnv(), "INGRESS_SESSION_ID", null);
    assertThat(env).doesNotContainKey("INGRESS_QUEUE_NAME");

    SenderSettings settings = parse(env);

    assertThat(settings.subscriptionMode()).isTrue();
    assertThat(settings.sessionId()).isEmpty();
    assertThat(parse(with(subscriptionEnv(), "INGRESS_SESSION_ID", " ")).sessionId()).isEmpty();
  }

  @Test
  void subscriptionModeHasNoStoreEvenWhenAStoreQueueIsSet() {
    Map<String, String> env = subscriptionEnv();
    env.put("MESSAGE_STORE_QUEUE_NAME", "local-inthub-messagestore");
    env.put("MESSAGE_STORE_ENABLED", "true");
    // A queue name alongside the topic does not switch back to the queue mode either.
    env.put("INGRESS_QUEUE_NAME", "local-inthub-mpi-sender-ingress");

    SenderSettings settings = parse(env);

    assertThat(settings.subscriptionMode()).isTrue();
    assertThat(settings.messageStoreQueue()).isEmpty();
  }

  // ------------------------------------------------------------------ typed values

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"abc", "25 76", "2576.0", "0x10"})
  void aNonIntegerPortIsRejected(String value) {
    assertThatThrownBy(() -> parse(with(queueEnv(), "RECEIVER_MLLP_PORT", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid integer value for configuration: RECEIVER_MLLP_PORT");
  }

  @Test
  void thePortIsTrimmed() {
    assertThat(parse(with(queueEnv(), "RECEIVER_MLLP_PORT", " 2577 ")).receiverPort())
        .isEqualTo(2577);
  }

  @Test
  void ackTimeoutUnsetOrZeroMeansThirtySeconds() {
    assertThat(parse(with(queueEnv(), "ACK_TIMEOUT_SECONDS", null)).ackTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(parse(with(queueEnv(), "ACK_TIMEOUT_SECONDS", "0")).ackTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(parse(with(queueEnv(), "ACK_TIMEOUT_SECONDS", "7")).ackTimeout())
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aNonIntegerAckTimeoutIsRejected() {
    assertThatThrownBy(() -> parse(with(queueEnv(), "ACK_TIMEOUT_SECONDS", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ACK_TIMEOUT_SECONDS");
  }

  @ParameterizedTest(name = "unset/blank: ''{0}''")
  @ValueSource(strings = {"", "   "})
  void aBlankRateMeansNoThrottling(String value) {
    assertThat(parse(with(queueEnv(), "MAX_MESSAGES_PER_MINUTE", value)).maxMessagesPerMinute())
        .isEmpty();
    assertThat(parse(with(queueEnv(), "MAX_MESSAGES_PER_MINUTE", null)).maxMessagesPerMinute())
        .isEmpty();
  }

  @Test
  void aPositiveRateIsKept() {
    assertThat(parse(with(queueEnv(), "MAX_MESSAGES_PER_MINUTE", "600")).maxMessagesPerMinute())
        .isEqualTo(OptionalInt.of(600));
    assertThat(parse(with(queueEnv(), "MAX_MESSAGES_PER_MINUTE", "1")).maxMessagesPerMinute())
        .isEqualTo(OptionalInt.of(1));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "-1", "-600", "abc", "1.5"})
  void aZeroNegativeOrNonIntegerRateIsRejected(String value) {
    assertThatThrownBy(() -> parse(with(queueEnv(), "MAX_MESSAGES_PER_MINUTE", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_MESSAGES_PER_MINUTE");
  }

  @ParameterizedTest(name = "''{0}'' disables")
  @ValueSource(strings = {"false", "FALSE", "False", " false ", "\tfAlSe\n"})
  void onlyFalseDisablesTheStore(String value) {
    assertThat(parse(with(queueEnv(), "MESSAGE_STORE_ENABLED", value)).messageStoreQueue())
        .isEmpty();
  }

  @ParameterizedTest(name = "''{0}'' keeps it enabled")
  @ValueSource(strings = {"true", "TRUE", "no", "0", "off", "disabled", "", "  "})
  void anythingElseKeepsTheStoreEnabled(String value) {
    assertThat(parse(with(queueEnv(), "MESSAGE_STORE_ENABLED", value)).messageStoreQueue())
        .isEqualTo(Optional.of("local-inthub-messagestore"));
    assertThat(parse(with(queueEnv(), "MESSAGE_STORE_ENABLED", null)).messageStoreQueue())
        .isEqualTo(Optional.of("local-inthub-messagestore"));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "retry;RETRY",
        "RETRY;RETRY",
        "' Retry ';RETRY",
        "dead-letter;DEAD_LETTER",
        "Dead-Letter;DEAD_LETTER",
        "deadletter;DEAD_LETTER",
        "dead_letter;DEAD_LETTER"
      })
  void negativeAckPolicyValues(String value, NegativeAckPolicy policy) {
    assertThat(parse(with(queueEnv(), "NEGATIVE_ACK_POLICY", value)).negativeAckPolicy())
        .isEqualTo(policy);
  }

  @Test
  void negativeAckPolicyDefaultsToRetry() {
    assertThat(parse(with(queueEnv(), "NEGATIVE_ACK_POLICY", null)).negativeAckPolicy())
        .isEqualTo(NegativeAckPolicy.RETRY);
    assertThat(parse(with(queueEnv(), "NEGATIVE_ACK_POLICY", " ")).negativeAckPolicy())
        .isEqualTo(NegativeAckPolicy.RETRY);
  }

  @Test
  void anUnknownNegativeAckPolicyIsRejected() {
    assertThatThrownBy(() -> parse(with(queueEnv(), "NEGATIVE_ACK_POLICY", "drop")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NEGATIVE_ACK_POLICY")
        .hasMessageContaining("drop");
  }
}
