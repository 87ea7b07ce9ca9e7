package io.integrationhub.bus;

/**
 * A batch send failed; {@link #sentCount()} messages, from the start of the batch, are on the bus.
 */
public class BatchPublishException extends MessageBusException {
  private final int sentCount;

  public BatchPublishException(String message, int sentCount, Throwable cause) {
    super(message + " (" + sentCount + " message(s) of the batch were sent)", cause);
    this.sentCount = sentCount;
  }

  public int sentCount() {
    return sentCount;
  }
}
