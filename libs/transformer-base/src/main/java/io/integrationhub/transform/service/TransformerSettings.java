package io.integrationhub.transform.service;

import io.integrationhub.config.EnvironmentReader;
import io.integrationhub.health.HealthCheckSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A transformer service's configuration, with the reference's variable names and defaults (spec
 * transformers.md §2.2): required values missing or blank stop the start-up with {@code Missing
 * required configuration: NAME}. {@code MAX_BATCH_SIZE} (the reference's config.ini key, 100 in
 * every shipped file) and {@code TRANSFORM_FAILURE_POLICY} are read from the environment too.
 *
 * @param failurePolicy what happens to a message the mappers reject
 */
public record TransformerSettings(
    String ingressQueue,
    Optional<String> ingressSessionId,
    String egressQueue,
    Optional<String> egressSessionId,
    String workflowId,
    String microserviceId,
    int maxBatchSize,
    FailurePolicy failurePolicy,
    HealthCheckSettings healthCheck) {

  /** The reference's batch size. */
  public static final int DEFAULT_MAX_BATCH_SIZE = 100;

  /** What to do with a message whose data the mappers reject. */
  public enum FailurePolicy {
    /** Dead-letter at once with the reason; the session goes on with the next message. */
    DEAD_LETTER,
    /** The reference's behaviour: abandon and retry with back-off until the broker dead-letters. */
    RETRY
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException naming the variable
   */
  public static TransformerSettings from(Function<String, String> variables) {
    EnvironmentReader env = new EnvironmentReader(variables);
    return new TransformerSettings(
        required(env, "INGRESS_QUEUE_NAME"),
        env.text("INGRESS_SESSION_ID"),
        required(env, "EGRESS_QUEUE_NAME"),
        env.text("EGRESS_SESSION_ID"),
        required(env, "WORKFLOW_ID"),
        required(env, "MICROSERVICE_ID"),
        env.integer("MAX_BATCH_SIZE", DEFAULT_MAX_BATCH_SIZE, 1, 10_000),
        policy(env.text("TRANSFORM_FAILURE_POLICY", "dead-letter")),
        HealthCheckSettings.from(variables));
  }

  private static String required(EnvironmentReader env, String name) {
    return env.text(name)
        .orElseThrow(() -> new IllegalArgumentException("Missing required configuration: " + name));
  }

  private static FailurePolicy policy(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "dead-letter", "deadletter", "dead_letter" -> FailurePolicy.DEAD_LETTER;
      case "retry" -> FailurePolicy.RETRY;
      default ->
          throw new IllegalArgumentException(
              "TRANSFORM_FAILURE_POLICY must be dead-letter or retry, was '" + value + "'");
    };
  }
}
