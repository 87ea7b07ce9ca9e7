package io.integrationhub.bus.topology;

/** A topology file could not be read: bad JSON, a missing name or a bad property value. */
public class InvalidTopologyException extends IllegalArgumentException {

  public InvalidTopologyException(String message) {
    super(message);
  }

  public InvalidTopologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
