package io.integrationhub.bus.processing;

import io.integrationhub.bus.ReceivedMessage;
import java.time.Duration;

/**
 * Callbacks for metrics and events (e.g. the {@code retry_delay_seconds} histogram). Called on the
 * processing loop's thread after the bus action succeeded; an exception thrown here is logged and
 * ignored, never changing a message's outcome. Keep implementations fast and non-blocking.
 */
public interface ProcessorListener {

  /** A listener that does nothing. */
  ProcessorListener NONE = new ProcessorListener() {};

  /**
   * A message was completed.
   *
   * @param message the completed message (do not settle it)
   */
  default void onCompleted(ReceivedMessage message) {}

  /**
   * A message was dead-lettered at the handler's request.
   *
   * @param message the message (do not settle it)
   * @param reason the dead-letter reason
   */
  default void onDeadLettered(ReceivedMessage message, String reason) {}

  /**
   * A failure scheduled a wait before the next receive.
   *
   * @param delay the wait
   * @param attempt the 0-based failure count since the last success
   */
  default void onRetryScheduled(Duration delay, int attempt) {}
}
