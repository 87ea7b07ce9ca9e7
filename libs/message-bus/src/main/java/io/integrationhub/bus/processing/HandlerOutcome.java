package io.integrationhub.bus.processing;

import java.util.Objects;

/**
 * What a handler decided about a message (or a batch). Reasons and descriptions end up in logs and
 * on dead-lettered messages: they must never carry patient data (no field values, no message text;
 * name the rule or the error class instead, e.g. {@code "ack-rejected"}, {@code "MSA-1 was AR"}).
 */
public sealed interface HandlerOutcome {

  /** The next hop has the message durably: remove it from the bus. */
  static HandlerOutcome completed() {
    return Completed.INSTANCE;
  }

  /**
   * A transient failure (the next hop is down, timed out, answered AE): abandon the message so it
   * is redelivered in order, and wait the backoff before the next receive.
   *
   * @param reason why, for logs; no patient data
   */
  static HandlerOutcome retry(String reason) {
    return new Retry(reason);
  }

  /**
   * A permanent failure (the message can never succeed: malformed, rejected with AR): move it to
   * the dead-letter queue at once and go on with the next message, without backoff.
   *
   * @param reason a short machine-readable reason, e.g. {@code "ack-rejected"}; no patient data
   * @param description a human-readable explanation; no patient data
   */
  static HandlerOutcome deadLetter(String reason, String description) {
    return new DeadLetter(reason, description);
  }

  /** Complete the message. */
  enum Completed implements HandlerOutcome {
    /** The only instance. */
    INSTANCE
  }

  /**
   * Abandon the message and back off.
   *
   * @param reason why, for logs
   */
  record Retry(String reason) implements HandlerOutcome {
    /** Checks the reason is present. */
    public Retry {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        reason = "unspecified";
      }
    }
  }

  /**
   * Dead-letter the message and continue.
   *
   * @param reason the dead-letter reason
   * @param description the dead-letter description
   */
  record DeadLetter(String reason, String description) implements HandlerOutcome {
    /** Checks the reason is present; a missing description becomes empty. */
    public DeadLetter {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("A dead-letter reason must not be blank");
      }
      description = description == null ? "" : description;
    }
  }
}
