package io.integrationhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §1.1: every variable with its default, its parsing and its start-up errors. */
class ServerSettingsTest {

  private static Map<String, String> required() {
    Map<String, String> env = new HashMap<>();
    env.put("EGRESS_QUEUE_NAME", "queue-a");
    env.put("EGRESS_SESSION_ID", "session-a");
    env.put("WORKFLOW_ID", "workflow-a");
    env.put("MICROSERVICE_ID", "service-a");
    env.put("HEALTH_BOARD", "BOARD");
    env.put("PEER_SERVICE", "PEER");
    return env;
  }

  private static ServerSettings settings(Map<String, String> overrides) {
    Map<String, String> env = required();
    env.putAll(overrides);
    return ServerSettings.from(env::get);
  }

  private static ServerSettings with(String name, String value) {
    return settings(Map.of(name, value));
  }

  private static ServerSettings without(String name) {
    Map<String, String> env = required();
    env.remove(name);
    return ServerSettings.from(env::get);
  }

  @Test
  void defaults() {
    ServerSettings settings = settings(Map.of());

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(2575);
    assertThat(settings.egress()).isEqualTo(new ServerSettings.Egress("queue-a", false));
    assertThat(settings.egressSessionId()).isEqualTo("session-a");
    assertThat(settings.workflowId()).isEqualTo("workflow-a");
    assertThat(settings.microserviceId()).isEqualTo("service-a");
    assertThat(settings.healthBoard()).isEqualTo("BOARD");
    assertThat(settings.peerService()).isEqualTo("PEER");
    assertThat(settings.messageStoreQueue()).isEmpty();
    assertThat(settings.hl7Version()).isEmpty();
    assertThat(settings.sendingApps()).isEmpty();
    assertThat(settings.validationFlow()).isEmpty();
    assertThat(settings.validatesXsd()).isFalse();
    assertThat(settings.standardVersion()).isEmpty();
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(1_048_576);
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxConnections()).isEqualTo(1000);
    assertThat(settings.nakOnError()).isFalse();
    assertThat(settings.tls()).isEmpty();
    assertThat(settings.healthCheck().host()).isEqualTo("127.0.0.1");
    assertThat(settings.healthCheck().port()).isEqualTo(9000);
  }

  @Test
  void explicitValues() {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "0.0.0.0");
    env.put("PORT", "2580");
    env.put("MESSAGE_STORE_QUEUE_NAME", "store-a");
    env.put("HL7_VERSION", "2.5");
    env.put("SENDING_APP", "100");
    env.put("HL7_VALIDATION_FLOW", "phw");
    env.put("HL7_VALIDATION_STANDARD", "2.5");
    env.put("MAX_MESSAGE_SIZE_BYTES", "2097152");
    env.put("MLLP_READ_TIMEOUT_SECONDS", "30");
    env.put("MLLP_MAX_CONNECTIONS", "50");
    env.put("NAK_ON_ERROR", "true");
    env.put("HEALTH_CHECK_HOST", "0.0.0.0");
    env.put("HEALTH_CHECK_PORT", "9011");

    ServerSettings settings = settings(env);

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(2580);
    assertThat(settings.messageStoreQueue()).contains("store-a");
    assertThat(settings.hl7Version()).contains("2.5");
    assertThat(settings.sendingApps()).containsExactly("100");
    assertThat(settings.validationFlow()).contains("phw");
    assertThat(settings.validatesXsd()).isTrue();
    assertThat(settings.standardVersion()).contains("2.5");
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(2_097_152);
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxConnections()).isEqualTo(50);
    assertThat(settings.nakOnError()).isTrue();
    assertThat(settings.healthCheck().host()).isEqualTo("0.0.0.0");
    assertThat(settings.healthCheck().port()).isEqualTo(9011);
  }

  @Test
  void emptyOptionalVariablesCountAsUnset() {
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            "HOST",
            "PORT",
            "MESSAGE_STORE_QUEUE_NAME",
            "HL7_VERSION",
            "SENDING_APP",
            "HL7_VALIDATION_FLOW",
            "HL7_VALIDATION_STANDARD",
            "MAX_MESSAGE_SIZE_BYTES")) {
      env.put(name, "");
    }
    ServerSettings settings = settings(env);

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(2575);
    assertThat(settings.messageStoreQueue()).isEmpty();
    assertThat(settings.hl7Version()).isEmpty();
    assertThat(settings.sendingApps()).isEmpty();
    assertThat(settings.validationFlow()).isEmpty();
    assertThat(settings.standardVersion()).isEmpty();
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(1_048_576);
  }

  @Test
  void aTopicInsteadOfAQueue() {
    Map<String, String> env = required();
    env.remove("EGRESS_QUEUE_NAME");
    env.put("EGRESS_TOPIC_NAME", "topic-a");

    assertThat(ServerSettings.from(env::get).egress())
        .isEqualTo(new ServerSettings.Egress("topic-a", true));
  }

  @Test
  void anEmptyQueueNameCountsAsAbsent() {
    assertThat(settings(Map.of("EGRESS_QUEUE_NAME", "", "EGRESS_TOPIC_NAME", "topic-a")).egress())
        .isEqualTo(new ServerSettings.Egress("topic-a", true));
  }

  @Test
  void queueAndTopicAreExclusive() {
    assertThatThrownBy(() -> with("EGRESS_TOPIC_NAME", "topic-a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot specify both EGRESS_QUEUE_NAME and EGRESS_TOPIC_NAME.");
  }

  @Test
  void oneOfQueueOrTopicIsRequired() {
    assertThatThrownBy(() -> without("EGRESS_QUEUE_NAME"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Either EGRESS_QUEUE_NAME or EGRESS_TOPIC_NAME must be provided");
    assertThatThrownBy(() -> settings(Map.of("EGRESS_QUEUE_NAME", " ", "EGRESS_TOPIC_NAME", "")))
        .hasMessage("Either EGRESS_QUEUE_NAME or EGRESS_TOPIC_NAME must be provided");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EGRESS_SESSION_ID",
        "WORKFLOW_ID",
        "MICROSERVICE_ID",
        "HEALTH_BOARD",
        "PEER_SERVICE"
      })
  void identityVariablesAreRequiredAndNonBlank(String name) {
    assertThatThrownBy(() -> without(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
    assertThatThrownBy(() -> with(name, "   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "-1048576"})
  void aNonPositiveMaximumSizeMeansTheDefault(String value) {
    assertThat(with("MAX_MESSAGE_SIZE_BYTES", value).maxMessageSizeBytes()).isEqualTo(1_048_576);
  }

  @Test
  void theMaximumSizeIsAtMost100MiB() {
    assertThat(with("MAX_MESSAGE_SIZE_BYTES", "104857600").maxMessageSizeBytes())
        .isEqualTo(104_857_600);
    assertThat(with("MAX_MESSAGE_SIZE_BYTES", "2000").maxMessageSizeBytes()).isEqualTo(2000);
    assertThatThrownBy(() -> with("MAX_MESSAGE_SIZE_BYTES", "104857601"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_MESSAGE_SIZE_BYTES")
        .hasMessageContaining("104857600");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "1MB", "99999999999"})
  void aNonNumericMaximumSizeIsAnError(String value) {
    assertThatThrownBy(() -> with("MAX_MESSAGE_SIZE_BYTES", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_MESSAGE_SIZE_BYTES");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "25 75", "-1", "65536"})
  void aBadPortIsAnError(String value) {
    assertThatThrownBy(() -> with("PORT", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT");
  }

  @Test
  void portZeroMeansAnEphemeralPort() {
    assertThat(with("PORT", "0").port()).isZero();
  }

  @Test
  void aBadHealthCheckPortIsAnError() {
    assertThatThrownBy(() -> with("HEALTH_CHECK_PORT", "nine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HEALTH_CHECK_PORT");
  }

  @Test
  void sendingAppIsACommaSeparatedTrimmedList() {
    assertThat(with("SENDING_APP", "TestApp, 192, 255").sendingApps())
        .containsExactly("TestApp", "192", "255");
    assertThat(with("SENDING_APP", "245,212,192,224").sendingApps())
        .containsExactly("245", "212", "192", "224");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", " False "})
  void onlyFalseDisablesTheMessageStore(String value) {
    assertThat(
            settings(Map.of("MESSAGE_STORE_QUEUE_NAME", "store-a", "MESSAGE_STORE_ENABLED", value))
                .messageStoreQueue())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "", "yes", "0", "no"})
  void anyOtherValueKeepsTheMessageStore(String value) {
    assertThat(
            settings(Map.of("MESSAGE_STORE_QUEUE_NAME", "store-a", "MESSAGE_STORE_ENABLED", value))
                .messageStoreQueue())
        .contains("store-a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"phw", "paris", "chemo", "pims", "mosaiq", "wds", "mpi"})
  void theSevenFlows(String flow) {
    ServerSettings settings = with("HL7_VALIDATION_FLOW", flow);

    assertThat(settings.validationFlow()).contains(flow);
    assertThat(settings.validatesXsd()).isEqualTo(!"mpi".equals(flow));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lims", "PHW", "phw2", "none"})
  void anUnknownFlowIsAStartUpError(String flow) {
    assertThatThrownBy(() -> with("HL7_VALIDATION_FLOW", flow))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HL7_VALIDATION_FLOW")
        .hasMessageContaining(flow);
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "1", "yes", "on"})
  void nakOnErrorCanBeSwitchedOn(String value) {
    assertThat(with("NAK_ON_ERROR", value).nakOnError()).isTrue();
  }

  @Test
  void aBadNakOnErrorIsAnError() {
    assertThatThrownBy(() -> with("NAK_ON_ERROR", "maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAK_ON_ERROR");
  }

  @Test
  void tlsNeedsCertificateAndKeyTogether() {
    assertThatThrownBy(() -> with("MLLP_TLS_CERT_FILE", "/tls/server.crt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MLLP_TLS_CERT_FILE and MLLP_TLS_KEY_FILE must be set together");
    assertThatThrownBy(() -> with("MLLP_TLS_KEY_FILE", "/tls/server.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MLLP_TLS_CERT_FILE and MLLP_TLS_KEY_FILE must be set together");
  }

  @Test
  void aClientCaWithoutServerCertificateIsAnErrorNotPlaintext() {
    assertThatThrownBy(() -> with("MLLP_TLS_CLIENT_CA_FILE", "/tls/ca.crt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MLLP_TLS_CLIENT_CA_FILE")
        .hasMessageContaining("MLLP_TLS_CERT_FILE");
  }

  @Test
  void tlsWithAndWithoutClientCertificates() {
    ServerSettings tls =
        settings(
            Map.of(
                "MLLP_TLS_CERT_FILE", "/tls/server.crt", "MLLP_TLS_KEY_FILE", "/tls/server.key"));
    assertThat(tls.tls())
        .contains(
            new TlsSettings(
                Path.of("/tls/server.crt"), Path.of("/tls/server.key"), Optional.empty()));

    ServerSettings mutual =
        settings(
            Map.of(
                "MLLP_TLS_CERT_FILE", "/tls/server.crt",
                "MLLP_TLS_KEY_FILE", "/tls/server.key",
                "MLLP_TLS_CLIENT_CA_FILE", "/tls/ca.crt"));
    assertThat(mutual.tls())
        .hasValueSatisfying(t -> assertThat(t.clientCa()).contains(Path.of("/tls/ca.crt")));
  }

  /** The local env files, as the spec's per-flow tables (§1.2) describe them. */
  @ParameterizedTest
  @ValueSource(strings = {"phw", "paris", "chemo", "pims", "mosaiq", "wds", "mpi"})
  void everyLocalEnvFileParses(String flow) {
    ServerSettings settings = ServerSettings.from(ServerHarness.envFile(flow)::get);

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.validationFlow()).contains(flow);
    assertThat(settings.messageStoreQueue()).contains("local-inthub-messagestore");
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(1_048_576);
    assertThat(settings.standardVersion()).isEmpty();
    assertThat(settings.nakOnError()).isFalse();
    assertThat(settings.tls()).isEmpty();
    record Expected(
        int port,
        ServerSettings.Egress egress,
        String session,
        String workflow,
        String microservice,
        String version,
        List<String> apps,
        String board,
        String peer) {}
    String mpiQueue = "local-inthub-mpi-sender-ingress";
    Expected expected =
        switch (flow) {
          case "phw" ->
              new Expected(
                  2575,
                  queue("local-inthub-phw-transformer-ingress"),
                  "phw-to-mpi",
                  "phw-to-mpi",
                  "phw_hl7_server",
                  "2.5",
                  List.of("252"),
                  "PHW",
                  "MPI");
          case "paris" ->
              new Expected(
                  2577,
                  queue(mpiQueue),
                  "mpi",
                  "paris-to-mpi",
                  "paris_hl7_server",
                  "2.5.1",
                  List.of("169"),
                  "PARIS",
                  "MPI");
          case "chemo" ->
              new Expected(
                  2578,
                  queue("local-inthub-chemo-transformer-ingress"),
                  "chemocare-to-mpi",
                  "chemocare-to-mpi",
                  "chemocare_hl7_server",
                  "2.4",
                  List.of("245", "212", "192", "224"),
                  "CHEMO",
                  "MPI");
          case "pims" ->
              new Expected(
                  2579,
                  queue("local-inthub-pims-transformer-ingress"),
                  "pims-to-mpi",
                  "pims-to-mpi",
                  "pims_hl7_server",
                  "2.3.1",
                  List.of("PIMS"),
                  "PIMS",
                  "MPI");
          case "mosaiq" ->
              new Expected(
                  2583,
                  queue(mpiQueue),
                  "mpi",
                  "mosaiq-to-mpi",
                  "mosaiq_hl7_server",
                  "2.5",
                  List.of("285"),
                  "MOSAIQ",
                  "MPI");
          case "wds" ->
              new Expected(
                  2582,
                  queue(mpiQueue),
                  "mpi",
                  "wds-to-mpi",
                  "wds_hl7_server",
                  "2.5",
                  List.of("WDS"),
                  "WDS",
                  "MPI");
          case "mpi" ->
              new Expected(
                  2580,
                  new ServerSettings.Egress("mpihl7input", true),
                  "mpi-outbound",
                  "mpi-to-topic",
                  "mpi_hl7_server",
                  "2.5",
                  List.of("100"),
                  "MPI",
                  "TOPIC");
          default -> throw new IllegalArgumentException(flow);
        };
    assertThat(
            new Expected(
                settings.port(),
                settings.egress(),
                settings.egressSessionId(),
                settings.workflowId(),
                settings.microserviceId(),
                settings.hl7Version().orElse(""),
                settings.sendingApps(),
                settings.healthBoard(),
                settings.peerService()))
        .isEqualTo(expected);
  }

  private static ServerSettings.Egress queue(String name) {
    return new ServerSettings.Egress(name, false);
  }
}
