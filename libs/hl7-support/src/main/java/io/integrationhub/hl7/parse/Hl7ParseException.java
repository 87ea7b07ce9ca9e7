package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import io.integrationhub.hl7.Hl7ErrorCode;
import java.util.Objects;

/**
 * The text is not an HL7 v2 message that can be read. The exception message describes the problem
 * without quoting the message (no patient data), and deliberately does not chain HAPI's exception,
 * whose text often quotes the message.
 */
public class Hl7ParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Hl7ErrorCode errorCode;

  /**
   * @param message what is wrong, without message content
   * @param errorCode the HL7 table 0357 code a negative ACK would carry
   */
  public Hl7ParseException(String message, Hl7ErrorCode errorCode) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /** The HL7 table 0357 code that describes the failure (for ERR-3 of a negative ACK). */
  public Hl7ErrorCode errorCode() {
    return errorCode;
  }

  /** Translates a HAPI failure into a message built only from its error code and location. */
  static Hl7ParseException fromHapi(HL7Exception e) {
    ErrorCode hapiCode = e.getError();
    Hl7ErrorCode code =
        Hl7ErrorCode.fromCode(hapiCode == null ? e.getErrorCode() : hapiCode.getCode())
            .filter(c -> c != Hl7ErrorCode.MESSAGE_ACCEPTED)
            .orElse(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR);
    StringBuilder text = new StringBuilder("HL7 message could not be parsed: ");
    text.append(
        code == Hl7ErrorCode.APPLICATION_INTERNAL_ERROR ? "invalid content" : code.description());
    Location location = e.getLocation();
    if (location != null && location.getSegmentName() != null) {
      text.append(" at ").append(safeSegmentName(location.getSegmentName()));
      if (location.getField() > 0) {
        // HAPI counts MSH fields from MSH-2 when it reports a parse failure.
        boolean fromMsh2 = "MSH".equals(location.getSegmentName());
        text.append('-').append(location.getField() + (fromMsh2 ? 1 : 0));
      }
    }
    return new Hl7ParseException(text.toString(), code);
  }

  /** Segment names come from the message: keep them only when they look like one. */
  private static String safeSegmentName(String name) {
    return name.matches("[A-Z][A-Z0-9]{2}") ? name : "segment";
  }
}
