package io.integrationhub.sender;

import io.integrationhub.hl7.ack.Ack;
import io.integrationhub.hl7.ack.AckParser;
import io.integrationhub.hl7.ack.InvalidAckException;

/**
 * What the receiver's reply to one message means (spec hl7-sender.md §6, plus the check the
 * reference lacks: MSA-2 must be the MSH-10 that was sent). Only {@link Accepted} completes the
 * message.
 */
sealed interface AckVerdict {

  /**
   * Reads a reply to the message whose MSH-10 was {@code sentControlId}.
   *
   * @param reply the reply text (framing tolerated)
   * @param sentControlId MSH-10 of the message sent
   * @return the verdict; never throws
   */
  static AckVerdict of(String reply, String sentControlId) {
    Ack ack;
    try {
      ack = AckParser.parse(reply);
    } catch (InvalidAckException e) {
      return new NotAnAck(e.getMessage());
    }
    if (!ack.acknowledges(sentControlId)) {
      return new WrongControlId(ack);
    }
    return ack.isPositive() ? new Accepted(ack) : new Negative(ack);
  }

  /** A short description for events and logs: codes and ids only, never message content. */
  String summary();

  /**
   * AA or CA for the message sent.
   *
   * @param ack the ACK
   */
  record Accepted(Ack ack) implements AckVerdict {
    @Override
    public String summary() {
      return ack.rawCode();
    }
  }

  /**
   * AE, AR, CE, CR or another code for the message sent: the receiver refused it.
   *
   * @param ack the ACK
   */
  record Negative(Ack ack) implements AckVerdict {
    @Override
    public String summary() {
      String code = ack.rawCode().isEmpty() ? "(empty MSA-1)" : ack.rawCode();
      String text = ack.textMessage().isEmpty() ? ack.errorText() : ack.textMessage();
      return text.isEmpty() ? code : code + " (" + text + ")";
    }
  }

  /**
   * An ACK whose MSA-2 is another message's control id: it says nothing about this message.
   *
   * @param ack the ACK
   */
  record WrongControlId(Ack ack) implements AckVerdict {
    @Override
    public String summary() {
      return "ACK "
          + ack.rawCode()
          + " acknowledges control id '"
          + ack.acknowledgedControlId()
          + "', not the message sent";
    }
  }

  /**
   * An empty reply, not HL7, or an HL7 message without MSA.
   *
   * @param reason why ("Received a non-ACK message", "Reply is empty", ...)
   */
  record NotAnAck(String reason) implements AckVerdict {
    @Override
    public String summary() {
      return reason;
    }
  }
}
