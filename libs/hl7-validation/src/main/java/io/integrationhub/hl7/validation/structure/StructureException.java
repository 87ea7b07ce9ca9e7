package io.integrationhub.hl7.validation.structure;

/** The message structure cannot be determined from MSH-9. The message holds no patient data. */
public final class StructureException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StructureException(String message) {
    super(message);
  }
}
