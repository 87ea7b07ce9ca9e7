package io.integrationhub.mllp;

/**
 * Base of the checked MLLP failures. Thrown as such only when a caller is interrupted while
 * waiting; every other failure has its own subclass.
 */
public class MllpException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, never payload text
   */
  public MllpException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong, never payload text
   * @param cause the underlying failure
   */
  public MllpException(String message, Throwable cause) {
    super(message, cause);
  }
}
