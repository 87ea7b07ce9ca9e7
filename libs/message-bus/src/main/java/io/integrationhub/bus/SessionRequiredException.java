package io.integrationhub.bus;

/** A session-enabled entity was used without a session id. */
public class SessionRequiredException extends MessageBusException {

  public SessionRequiredException(String message) {
    super(message);
  }

  public SessionRequiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
