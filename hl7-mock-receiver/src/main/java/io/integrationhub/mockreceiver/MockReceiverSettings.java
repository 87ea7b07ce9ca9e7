package io.integrationhub.mockreceiver;

import io.integrationhub.config.EnvironmentReader;
import io.integrationhub.health.HealthCheckSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration of the mock receiver, read from the reference hub's environment variable names
 * ({@code HOST}, {@code PORT}, {@code EGRESS_QUEUE_NAME}, {@code EGRESS_SESSION_ID}) plus the
 * switches the reference lacks. Defaults live here and only here.
 */
public record MockReceiverSettings(
    String host,
    int port,
    Optional<String> egressQueueName,
    Optional<String> egressSessionId,
    int maxMessageSizeBytes,
    Duration readTimeout,
    int maxConnections,
    Optional<Path> receivedMessagesFile,
    AckRules ackRules,
    Duration ackDelay,
    boolean splitAck,
    boolean closeAfterAck,
    HealthCheckSettings healthCheck) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 2576;
  public static final int DEFAULT_MAX_MESSAGE_SIZE_BYTES = 1_048_576;
  public static final int MAX_MESSAGE_SIZE_LIMIT = 104_857_600;
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;

  /**
   * Reads the settings from a variable lookup such as Spring's {@code Environment::getProperty}.
   */
  public static MockReceiverSettings from(Function<String, String> variables) {
    EnvironmentReader env = new EnvironmentReader(variables);
    int maxSize = env.integer("MAX_MESSAGE_SIZE_BYTES", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (maxSize > MAX_MESSAGE_SIZE_LIMIT) {
      throw new IllegalArgumentException(
          "MAX_MESSAGE_SIZE_BYTES must not exceed " + MAX_MESSAGE_SIZE_LIMIT + ", was " + maxSize);
    }
    return new MockReceiverSettings(
        env.text("HOST", DEFAULT_HOST),
        env.integer("PORT", DEFAULT_PORT, 0, 65_535),
        env.text("EGRESS_QUEUE_NAME"),
        env.text("EGRESS_SESSION_ID"),
        maxSize <= 0 ? DEFAULT_MAX_MESSAGE_SIZE_BYTES : maxSize,
        env.seconds("MLLP_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT_SECONDS),
        env.integer("MLLP_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, 1, 100_000),
        env.path("RECEIVED_MESSAGES_FILE"),
        AckRules.parse(
            env.text("MOCK_ACK_RULES", AckRules.REFERENCE_RULES),
            ReplyAction.parse(env.text("MOCK_DEFAULT_ACK", "AA"))),
        env.millis("MOCK_ACK_DELAY_MS", 0),
        env.flag("MOCK_SPLIT_ACK", false),
        env.flag("MOCK_CLOSE_AFTER_ACK", false),
        HealthCheckSettings.from(variables));
  }
}
