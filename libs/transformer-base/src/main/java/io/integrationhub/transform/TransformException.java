package io.integrationhub.transform;

/**
 * The message cannot be transformed (bad data): a permanent failure. The message names the field
 * and the rule, never the value (it goes to logs, events and the dead-letter reason).
 */
public class TransformException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TransformException(String message) {
    super(message);
  }
}
