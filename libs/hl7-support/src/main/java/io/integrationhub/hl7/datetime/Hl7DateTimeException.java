package io.integrationhub.hl7.datetime;

/**
 * A text is not a valid HL7 DTM value, or a date-time cannot be written as one.
 *
 * <p>Unchecked, like {@link java.time.format.DateTimeParseException}: callers that read untrusted
 * values either check first ({@link Hl7DateTime#isValid(String)}), use {@link
 * Hl7DateTime#tryParse(String)}, or catch it where they turn it into a validation result. The
 * message names the problem without repeating the value.
 */
public class Hl7DateTimeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message that does not contain the value. */
  public Hl7DateTimeException(String message) {
    super(message);
  }
}
