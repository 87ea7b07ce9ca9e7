package io.integrationhub.bus;

import java.time.Duration;
import java.util.List;

/**
 * Receives the messages of one source, for one session id (or none on a non-session entity), in
 * order, in peek-lock mode. While a receiver is open no other receiver gets that session. Not
 * thread-safe: one processing loop owns it.
 */
public interface SessionReceiver extends AutoCloseable {

  Source source();

  /** Waits up to {@code maxWait} for up to {@code maxMessages} messages; empty when none came. */
  List<ReceivedMessage> receive(int maxMessages, java.time.Duration maxWait)
      throws MessageBusException;

  /**
   * Completes messages of this receiver, in order, as one settlement where the broker allows it
   * (Artemis: one durable commit instead of one per message, which is what lets a consumer that
   * works in batches keep up). Each message must be unsettled and received by this receiver. On
   * failure ({@link SettlementException}) none of them is known to be completed: they will be
   * delivered again (at-least-once).
   */
  default void completeAll(List<ReceivedMessage> messages) throws MessageBusException {
    for (ReceivedMessage message : messages) {
      message.complete();
    }
  }

  /**
   * Keeps the session (and its messages' locks) alive while a message is being worked on. Calling
   * it more often than needed is harmless.
   */
  void renewLock() throws MessageBusException;

  /** How long a lock lasts without renewal (the entity's LockDuration). */
  Duration lockDuration();

  /** Releases the session; unsettled messages become available again. */
  @Override
  void close();
}
