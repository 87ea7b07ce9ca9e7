package io.integrationhub.sender;

import io.integrationhub.bus.Source;
import io.integrationhub.config.EnvironmentReader;
import io.integrationhub.health.HealthCheckSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The sender's configuration, with the reference's variable names and defaults (spec hl7-sender.md
 * §2 and §12). Required values missing or blank stop the start-up with {@code Missing required
 * configuration: NAME}.
 *
 * <p>Two modes share this service: the queue sender ({@code INGRESS_QUEUE_NAME} + {@code
 * INGRESS_SESSION_ID}, with the message store) and the subscription sender ({@code
 * INGRESS_TOPIC_NAME} + {@code INGRESS_SUBSCRIPTION_NAME}, optional session, no message store).
 * Setting {@code INGRESS_TOPIC_NAME} selects the subscription mode.
 *
 * @param source the queue, or topic subscription, to consume
 * @param sessionId the session to lock; empty only for a non-session subscription
 * @param receiverHost MLLP destination host
 * @param receiverPort MLLP destination port
 * @param ackTimeout how long one attempt waits for the ACK
 * @param connectTimeout bound on opening the MLLP connection (the reference has none)
 * @param maxMessagesPerMinute throttle; empty = unthrottled
 * @param messageStoreQueue the message-store queue; empty when the store is off (always in the
 *     subscription mode)
 * @param negativeAckPolicy what a negative ACK does to the message
 * @param maxBatchSize the reference's {@code max_batch_size} (100), before the throttle's cap
 * @param maxCompletionDelay how long ACKed messages may wait to be completed together (0 = one by
 *     one)
 */
public record SenderSettings(
    Source source,
    Optional<String> sessionId,
    String receiverHost,
    int receiverPort,
    Duration ackTimeout,
    Duration connectTimeout,
    OptionalInt maxMessagesPerMinute,
    Optional<String> messageStoreQueue,
    String workflowId,
    String microserviceId,
    String healthBoard,
    String peerService,
    NegativeAckPolicy negativeAckPolicy,
    int maxBatchSize,
    Duration maxCompletionDelay,
    HealthCheckSettings healthCheck) {

  /** The reference's ACK timeout (also used when the variable is 0). */
  public static final int DEFAULT_ACK_TIMEOUT_SECONDS = 30;

  /** The reference's batch size ({@code config.ini}). */
  public static final int DEFAULT_MAX_BATCH_SIZE = 100;

  /** What a negative ACK (AE, AR, CE, CR or another code) does to the message. */
  public enum NegativeAckPolicy {
    /** The reference: abandon, back off, retry until the broker dead-letters it. */
    RETRY,
    /** Dead-letter at once with the NAK as reason; the session goes on with the next message. */
    DEAD_LETTER
  }

  /** Whether this instance consumes a topic subscription (the subscription sender). */
  public boolean subscriptionMode() {
    return source.isSubscription();
  }

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException naming the variable
   */
  public static SenderSettings from(Function<String, String> variables) {
    EnvironmentReader env = new EnvironmentReader(variables);
    Optional<String> topic = env.text("INGRESS_TOPIC_NAME");
    Source source;
    Optional<String> sessionId;
    Optional<String> store = Optional.empty();
    if (topic.isPresent()) {
      source = Source.subscription(topic.get(), required(env, "INGRESS_SUBSCRIPTION_NAME"));
      sessionId = env.text("INGRESS_SESSION_ID");
    } else {
      source = Source.queue(required(env, "INGRESS_QUEUE_NAME"));
      sessionId = Optional.of(required(env, "INGRESS_SESSION_ID"));
      if (storeEnabled(env)) {
        store = Optional.of(required(env, "MESSAGE_STORE_QUEUE_NAME"));
      }
    }
    String host = required(env, "RECEIVER_MLLP_HOST");
    required(env, "RECEIVER_MLLP_PORT");
    int port = port(env);
    return new SenderSettings(
        source,
        sessionId,
        host,
        port,
        ackTimeout(env),
        env.seconds("MLLP_CONNECT_TIMEOUT_SECONDS", 10),
        rate(env),
        store,
        required(env, "WORKFLOW_ID"),
        required(env, "MICROSERVICE_ID"),
        required(env, "HEALTH_BOARD"),
        required(env, "PEER_SERVICE"),
        policy(env.text("NEGATIVE_ACK_POLICY", "retry")),
        env.integer("MAX_BATCH_SIZE", DEFAULT_MAX_BATCH_SIZE, 1, 10_000),
        env.millis("MAX_COMPLETION_DELAY_MS", 0),
        HealthCheckSettings.from(variables));
  }

  private static String required(EnvironmentReader env, String name) {
    return env.text(name)
        .orElseThrow(() -> new IllegalArgumentException("Missing required configuration: " + name));
  }

  /** Only the value {@code false} turns the store off, as in the reference. */
  private static boolean storeEnabled(EnvironmentReader env) {
    return !env.text("MESSAGE_STORE_ENABLED", "true").equalsIgnoreCase("false");
  }

  private static int port(EnvironmentReader env) {
    try {
      return env.integer("RECEIVER_MLLP_PORT", 0, 1, 65_535);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid integer value for configuration: RECEIVER_MLLP_PORT (" + e.getMessage() + ")",
          e);
    }
  }

  /** Unset or 0 means the default, as in the reference. */
  private static Duration ackTimeout(EnvironmentReader env) {
    int seconds = env.integer("ACK_TIMEOUT_SECONDS", 0, 0, 86_400);
    return Duration.ofSeconds(seconds == 0 ? DEFAULT_ACK_TIMEOUT_SECONDS : seconds);
  }

  private static OptionalInt rate(EnvironmentReader env) {
    if (env.text("MAX_MESSAGES_PER_MINUTE").isEmpty()) {
      return OptionalInt.empty();
    }
    int rate = env.integer("MAX_MESSAGES_PER_MINUTE", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (rate <= 0) {
      throw new IllegalArgumentException(
          "MAX_MESSAGES_PER_MINUTE must be greater than 0 when set, was " + rate);
    }
    return OptionalInt.of(rate);
  }

  private static NegativeAckPolicy policy(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "retry" -> NegativeAckPolicy.RETRY;
      case "dead-letter", "deadletter", "dead_letter" -> NegativeAckPolicy.DEAD_LETTER;
      default ->
          throw new IllegalArgumentException(
              "NEGATIVE_ACK_POLICY must be retry or dead-letter, was '" + value + "'");
    };
  }
}
