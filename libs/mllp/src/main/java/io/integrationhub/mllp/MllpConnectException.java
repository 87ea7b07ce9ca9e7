package io.integrationhub.mllp;

/** The connection could not be set up: refused, timed out, or the TLS handshake failed. */
public final class MllpConnectException extends MllpException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the target
   * @param cause the underlying failure
   */
  public MllpConnectException(String message, Throwable cause) {
    super(message, cause);
  }
}
