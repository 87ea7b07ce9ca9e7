package io.integrationhub.hl7.ack;

import java.util.Objects;

/**
 * The reply to a sent message is not an acknowledgement that can be read. The message names the
 * problem without quoting the reply.
 */
public class InvalidAckException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the reply is not a readable acknowledgement. */
  public enum Reason {
    /** Nothing but framing characters or whitespace. */
    EMPTY,
    /** Not an HL7 v2 message (no valid MSH segment at the start). */
    NOT_HL7,
    /** An HL7 message without MSA segment, e.g. an ADT sent back. */
    NOT_AN_ACK
  }

  private final Reason reason;

  /**
   * @param reason why the reply is rejected
   * @param message description without reply content
   */
  public InvalidAckException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the reply is rejected. */
  public Reason reason() {
    return reason;
  }
}
