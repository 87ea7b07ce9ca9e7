package io.integrationhub.hl7.ack;

import io.integrationhub.hl7.Hl7ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * An error reported in a negative (or warning) ACK: MSA-3 and an ERR segment.
 *
 * <p>The text goes to a partner system and to its logs: describe the problem, never quote patient
 * data.
 *
 * @param text human-readable description (MSA-3, ERR-8); escaped when written
 * @param code HL7 table 0357 code (ERR-3)
 * @param location where the error is (ERR-2), when known
 * @param severity ERR-4
 */
public record AckError(
    String text, Hl7ErrorCode code, Optional<ErrorLocation> location, ErrorSeverity severity) {

  /** Checks no part is null. */
  public AckError {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
  }

  /** An error of severity {@link ErrorSeverity#ERROR} without location. */
  public static AckError of(Hl7ErrorCode code, String text) {
    return new AckError(text, code, Optional.empty(), ErrorSeverity.ERROR);
  }

  /** This error located at field {@code fieldPosition} of occurrence {@code sequence}. */
  public AckError at(String segmentId, int sequence, int fieldPosition) {
    return new AckError(
        text, code, Optional.of(new ErrorLocation(segmentId, sequence, fieldPosition)), severity);
  }

  /** This error with another severity. */
  public AckError withSeverity(ErrorSeverity newSeverity) {
    return new AckError(text, code, location, newSeverity);
  }
}
