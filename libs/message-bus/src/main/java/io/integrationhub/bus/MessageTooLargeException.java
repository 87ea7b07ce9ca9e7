package io.integrationhub.bus;

/** The message body is larger than the bus accepts. */
public class MessageTooLargeException extends MessageBusException {

  public MessageTooLargeException(String message) {
    super(message);
  }

  public MessageTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
