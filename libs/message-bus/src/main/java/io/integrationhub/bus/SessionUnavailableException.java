package io.integrationhub.bus;

/** Another receiver holds the session, or the session lock was lost. */
public class SessionUnavailableException extends MessageBusException {

  public SessionUnavailableException(String message) {
    super(message);
  }

  public SessionUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
