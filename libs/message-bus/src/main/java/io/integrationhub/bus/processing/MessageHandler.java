package io.integrationhub.bus.processing;

import io.integrationhub.bus.ReceivedMessage;

/**
 * Handles one received message. The processor settles the message from the outcome; the handler
 * must never call {@code complete}, {@code abandon} or {@code deadLetter} itself.
 *
 * <p>Throwing {@link PermanentMessageException} means dead-letter; any other exception means retry
 * (abandon and back off). The handler runs on its own thread and may be interrupted when the
 * processor shuts down and the handler overruns the shutdown deadline.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles one message.
   *
   * @param message the message, still locked on the bus
   * @return the outcome; {@code null} counts as a retry
   * @throws Exception a {@link PermanentMessageException} to dead-letter; anything else to retry
   */
  HandlerOutcome handle(ReceivedMessage message) throws Exception;
}
