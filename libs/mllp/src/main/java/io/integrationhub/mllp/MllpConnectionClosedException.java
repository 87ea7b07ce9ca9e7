package io.integrationhub.mllp;

/**
 * The connection closed or failed before a full reply frame arrived. The message may or may not
 * have reached the peer.
 */
public final class MllpConnectionClosedException extends MllpException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   */
  public MllpConnectionClosedException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param cause the underlying failure
   */
  public MllpConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
