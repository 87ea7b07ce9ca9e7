package io.integrationhub.hl7.validation.schema;

/** A flow's schema files are missing, unreadable or not usable XSD. */
public final class SchemaException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public SchemaException(String message) {
    super(message);
  }
}
