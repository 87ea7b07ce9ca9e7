package io.integrationhub.bus.processing;

import java.util.Objects;

/**
 * Thrown by a handler when a message can never be processed: the processor dead-letters it with
 * this reason and description and continues with the next message. Neither may carry patient data.
 */
public class PermanentMessageException extends Exception {
  private final String reason;
  private final String description;

  /**
   * A permanent failure.
   *
   * @param reason short machine-readable reason, e.g. {@code "malformed-hl7"}
   * @param description human-readable explanation
   */
  public PermanentMessageException(String reason, String description) {
    this(reason, description, null);
  }

  /**
   * A permanent failure with its cause (the cause is logged at debug level only, since its message
   * may quote message content).
   *
   * @param reason short machine-readable reason
   * @param description human-readable explanation
   * @param cause the underlying error, may be null
   */
  public PermanentMessageException(String reason, String description, Throwable cause) {
    super(reason + ": " + description, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.description = description == null ? "" : description;
  }

  public String reason() {
    return reason;
  }

  public String description() {
    return description;
  }
}
