package io.integrationhub.server;

import io.integrationhub.config.EnvironmentReader;
import io.integrationhub.health.HealthCheckSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The server's configuration, read from the reference hub's environment variable names with its
 * defaults, plus the switches the reference lacks ({@code NAK_ON_ERROR}, MLLP timeouts and limits,
 * TLS). Errors name the variable and stop the start-up.
 *
 * @param egress the queue or topic accepted messages go to
 * @param validationFlow {@code HL7_VALIDATION_FLOW}: phw, paris, chemo, pims, mosaiq, wds, mpi
 * @param sendingApps {@code SENDING_APP}: allowed MSH-3 values; empty = no check
 */
public record ServerSettings(
    String host,
    int port,
    Egress egress,
    String egressSessionId,
    String workflowId,
    String microserviceId,
    String healthBoard,
    String peerService,
    Optional<String> messageStoreQueue,
    Optional<String> hl7Version,
    List<String> sendingApps,
    Optional<String> validationFlow,
    Optional<String> standardVersion,
    int maxMessageSizeBytes,
    Duration readTimeout,
    int maxConnections,
    boolean nakOnError,
    Optional<TlsSettings> tls,
    HealthCheckSettings healthCheck) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 2575;
  public static final int DEFAULT_MAX_MESSAGE_SIZE_BYTES = 1_048_576;
  public static final int MAX_MESSAGE_SIZE_LIMIT = 104_857_600;
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  public static final Set<String> FLOWS =
      Set.of("phw", "paris", "chemo", "pims", "mosaiq", "wds", "mpi");

  /** Where accepted messages go. */
  public record Egress(String name, boolean topic) {}

  /**
   * Reads the settings from a variable lookup such as Spring's {@code Environment::getProperty}.
   *
   * @throws IllegalArgumentException naming the variable that is missing or wrong
   */
  public static ServerSettings from(Function<String, String> variables) {
    EnvironmentReader env = new EnvironmentReader(variables);
    return new ServerSettings(
        env.text("HOST", DEFAULT_HOST),
        env.integer("PORT", DEFAULT_PORT, 0, 65_535),
        egress(env),
        required(env, "EGRESS_SESSION_ID"),
        required(env, "WORKFLOW_ID"),
        required(env, "MICROSERVICE_ID"),
        required(env, "HEALTH_BOARD"),
        required(env, "PEER_SERVICE"),
        messageStoreQueue(env),
        env.text("HL7_VERSION"),
        env.list("SENDING_APP"),
        validationFlow(env),
        env.text("HL7_VALIDATION_STANDARD"),
        maxMessageSize(env),
        env.seconds("MLLP_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS),
        env.integer("MLLP_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, 1, 100_000),
        env.flag("NAK_ON_ERROR", false),
        TlsSettings.from(env),
        HealthCheckSettings.from(variables));
  }

  /** Whether messages of this flow are validated against XSDs (every flow but mpi). */
  public boolean validatesXsd() {
    return validationFlow.isPresent() && !"mpi".equals(validationFlow.get());
  }

  private static Egress egress(EnvironmentReader env) {
    Optional<String> queue = env.text("EGRESS_QUEUE_NAME");
    Optional<String> topic = env.text("EGRESS_TOPIC_NAME");
    if (queue.isPresent() && topic.isPresent()) {
      throw new IllegalArgumentException(
          "Cannot specify both EGRESS_QUEUE_NAME and EGRESS_TOPIC_NAME.");
    }
    if (queue.isEmpty() && topic.isEmpty()) {
      throw new IllegalArgumentException(
          "Either EGRESS_QUEUE_NAME or EGRESS_TOPIC_NAME must be provided");
    }
    return queue
        .map(name -> new Egress(name, false))
        .orElseGet(() -> new Egress(topic.get(), true));
  }

  private static String required(EnvironmentReader env, String name) {
    return env.text(name)
        .orElseThrow(() -> new IllegalArgumentException(name + " must be set (non-blank)"));
  }

  private static Optional<String> messageStoreQueue(EnvironmentReader env) {
    Optional<String> queue = env.text("MESSAGE_STORE_QUEUE_NAME");
    boolean disabled =
        env.text("MESSAGE_STORE_ENABLED").map("false"::equalsIgnoreCase).orElse(false);
    return disabled ? Optional.empty() : queue;
  }

  private static Optional<String> validationFlow(EnvironmentReader env) {
    Optional<String> flow = env.text("HL7_VALIDATION_FLOW");
    if (flow.isPresent() && !FLOWS.contains(flow.get())) {
      throw new IllegalArgumentException(
          "HL7_VALIDATION_FLOW must be one of "
              + String.join(", ", FLOWS.stream().sorted().toList())
              + " (or empty), was '"
              + flow.get()
              + "'");
    }
    return flow;
  }

  private static int maxMessageSize(EnvironmentReader env) {
    int size = env.integer("MAX_MESSAGE_SIZE_BYTES", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (size > MAX_MESSAGE_SIZE_LIMIT) {
      throw new IllegalArgumentException(
          "MAX_MESSAGE_SIZE_BYTES must not exceed " + MAX_MESSAGE_SIZE_LIMIT + ", was " + size);
    }
    return size <= 0 ? DEFAULT_MAX_MESSAGE_SIZE_BYTES : size;
  }
}
