package io.integrationhub.hl7.validation.er7;

/**
 * The text is not a well-formed ER7 message. The message names the position (segment number,
 * segment name, field) but never contains message content.
 */
public final class Er7FormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message free of patient data. */
  public Er7FormatException(String message) {
    super(message);
  }
}
