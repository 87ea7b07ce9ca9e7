package io.integrationhub.bus;

/** The queue, topic or subscription does not exist. */
public class UnknownDestinationException extends MessageBusException {

  public UnknownDestinationException(String message) {
    super(message);
  }

  public UnknownDestinationException(String message, Throwable cause) {
    super(message, cause);
  }
}
