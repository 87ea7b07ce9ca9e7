package io.integrationhub.hl7.validation.xml;

/**
 * The message cannot be represented as HL7 v2 XML for its schema (an unknown segment, a character
 * XML cannot carry). The message names segment and field, never their content.
 */
public final class ConversionException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ConversionException(String message) {
    super(message);
  }
}
