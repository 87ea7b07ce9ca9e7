package io.integrationhub.mockreceiver;

import io.integrationhub.hl7.ack.AckCode;
import java.util.Locale;
import java.util.Optional;

/** What the mock does with a message. */
public enum ReplyAction {
  AA(AckCode.AA),
  AE(AckCode.AE),
  AR(AckCode.AR),
  CA(AckCode.CA),
  CE(AckCode.CE),
  CR(AckCode.CR),
  /** Keep the connection open and never answer, so the sender's ACK timeout fires. */
  NO_ACK(null),
  /** Close the connection without answering. */
  CLOSE(null),
  /** Answer AA, but with an MSA-2 that does not match the message's MSH-10. */
  WRONG_MSA2(AckCode.AA),
  /** Answer with a framed text that is not HL7. */
  GARBAGE(null);

  private final AckCode ackCode;

  ReplyAction(AckCode ackCode) {
    this.ackCode = ackCode;
  }

  /** The ACK code this action answers with, if it answers with an ACK. */
  public Optional<AckCode> ackCode() {
    return Optional.ofNullable(ackCode);
  }

  /** Parses a name such as {@code AE} or {@code no_ack}; the error lists the accepted names. */
  public static ReplyAction parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown reply action '"
              + name.trim()
              + "'; expected one of "
              + java.util.Arrays.toString(values()),
          e);
    }
  }
}
