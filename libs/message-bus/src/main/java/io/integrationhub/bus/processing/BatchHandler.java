package io.integrationhub.bus.processing;

import io.integrationhub.bus.ReceivedMessage;
import java.util.List;

/**
 * Handles the messages of one receive as a unit (the reference's batch mode, used by the message
 * store). The one outcome applies to every message of the batch, in order: completed completes all;
 * retry abandons all and backs off; dead-letter dead-letters all. A handler that needs a verdict
 * per message should be a {@link MessageHandler} with a batch size above one instead.
 */
@FunctionalInterface
public interface BatchHandler {

  /**
   * Handles a batch.
   *
   * @param messages one or more messages, in bus order, still locked; an unmodifiable list
   * @return the outcome for all of them; {@code null} counts as a retry
   * @throws Exception a {@link PermanentMessageException} to dead-letter all; anything else to
   *     retry all
   */
  HandlerOutcome handle(List<ReceivedMessage> messages) throws Exception;
}
