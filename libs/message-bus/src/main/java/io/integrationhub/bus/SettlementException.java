package io.integrationhub.bus;

/** A message could not be completed, abandoned or dead-lettered (lock lost, already settled). */
public class SettlementException extends MessageBusException {

  public SettlementException(String message) {
    super(message);
  }

  public SettlementException(String message, Throwable cause) {
    super(message, cause);
  }
}
