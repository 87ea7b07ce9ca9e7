package io.integrationhub.sender;

/** How one delivery of a message over MLLP ended ({@link MllpDelivery#deliver}). */
sealed interface DeliveryResult {

  /**
   * The receiver replied.
   *
   * @param verdict what the reply means for the message sent
   * @param resentAfterUnknownOutcome the first attempt timed out or lost its connection after the
   *     message was written, so the receiver may now have it twice
   */
  record Replied(AckVerdict verdict, boolean resentAfterUnknownOutcome) implements DeliveryResult {}

  /**
   * No reply after the attempt and its one immediate resend.
   *
   * @param reason what went wrong: host, port, timeout; never message content
   * @param outcomeUnknown the message may have reached the receiver (written, then no ACK)
   */
  record NotDelivered(String reason, boolean outcomeUnknown) implements DeliveryResult {}

  /**
   * The message cannot be written at all (not encodable), so no retry can help.
   *
   * @param reason why
   */
  record Unsendable(String reason) implements DeliveryResult {}
}
