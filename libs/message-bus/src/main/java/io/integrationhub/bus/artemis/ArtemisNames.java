package io.integrationhub.bus.artemis;

import io.integrationhub.bus.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How Service Bus entities are named on Artemis. One place, so the README's mapping table and the
 * code cannot drift apart.
 */
final class ArtemisNames {
  /** Prefix of dead-letter addresses and queues: {@code DLQ.<entity>}. */
  static final String DEAD_LETTER_PREFIX = "DLQ.";

  /** Address holding the non-durable, single-consumer queues used as session locks. */
  static final String SESSION_LOCK_ADDRESS = "inthub.session-locks";

  private static final String SESSION_LOCK_PREFIX = "inthub.session-lock.";

  private ArtemisNames() {}

  /** The Artemis queue a source reads: the queue itself, or {@code <topic>.<subscription>}. */
  static String queueName(Source source) {
    return source
        .subscription()
        .map(s -> subscriptionQueue(source.entity(), s))
        .orElse(source.entity());
  }

  static String subscriptionQueue(String topic, String subscription) {
    return topic + "." + subscription;
  }

  /** Dead-letter address of an entity (queue or topic): {@code DLQ.<entity>}. */
  static String deadLetterAddress(String entity) {
    return DEAD_LETTER_PREFIX + entity;
  }

  /** Dead-letter queue of a source: {@code DLQ.<queue>} or {@code DLQ.<topic>.<subscription>}. */
  static String deadLetterQueue(Source source) {
    return DEAD_LETTER_PREFIX + queueName(source);
  }

  /** Filter selecting one session's messages: {@code _AMQ_GROUP_ID = 'id'}, quotes doubled. */
  static String sessionFilter(String sessionId) {
    return "_AMQ_GROUP_ID = " + quote(sessionId);
  }

  /** Filter of a subscription's dead-letter queue on the topic's shared dead-letter address. */
  static String originalQueueFilter(String queueName) {
    return "_AMQ_ORIG_QUEUE = " + quote(queueName);
  }

  /** A SQL-92 string literal. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * The lock queue of one session of one source. Hashed so any session id gives a plain name (no
   * wildcard or delimiter characters reach the broker).
   */
  static String sessionLockQueue(Source source, String sessionId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          digest.digest((queueName(source) + "\n" + sessionId).getBytes(StandardCharsets.UTF_8));
      return SESSION_LOCK_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
