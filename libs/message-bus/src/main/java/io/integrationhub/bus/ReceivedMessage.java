package io.integrationhub.bus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A message received in peek-lock mode. It stays on the bus until settled exactly once: {@link
 * #complete()}, {@link #abandon()} or {@link #deadLetter(String, String)}.
 */
public interface ReceivedMessage {

  /** The body decoded as UTF-8. */
  String body();

  Optional<String> messageId();

  Optional<String> sessionId();

  /** Application properties, values as strings. */
  Map<String, String> properties();

  /** How many times this message has been delivered, this delivery included: 1 the first time. */
  int deliveryCount();

  Instant enqueuedTime();

  /** Removes the message from the bus: the next hop has it. */
  void complete() throws MessageBusException;

  /** Releases the message for immediate redelivery, in order, with its delivery count raised. */
  void abandon() throws MessageBusException;

  /**
   * Moves the message to the dead-letter queue at once, keeping the reason and description (no
   * patient data in either).
   */
  void deadLetter(String reason, String description) throws MessageBusException;
}
