package io.integrationhub.bus.config;

/** A message-bus environment variable is missing or malformed; the message names the variable. */
public class InvalidBusConfigurationException extends IllegalArgumentException {

  public InvalidBusConfigurationException(String message) {
    super(message);
  }

  public InvalidBusConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
