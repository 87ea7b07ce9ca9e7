package io.integrationhub.mllp;

/**
 * {@link MllpServer#start()} failed: the port could not be bound or the TLS material could not be
 * loaded. Unchecked, so that it can escape lifecycle callbacks that declare no exceptions.
 */
public final class MllpServerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the address
   * @param cause the underlying failure
   */
  public MllpServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
