package io.integrationhub.bus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to one destination. A send succeeds only when the broker has durably accepted the
 * message; every failure reaches the caller (never "success after retries ran out"). Thread-safe.
 */
public interface MessagePublisher extends AutoCloseable {

  Destination destination();

  /**
   * Sends one message. The future completes when the broker has the message durably, or completes
   * exceptionally with a {@link MessageBusException} (possibly wrapped in a {@link
   * java.util.concurrent.CompletionException}). Many sends may be in flight at once.
   */
  CompletableFuture<Void> publishAsync(OutboundMessage message);

  /** Sends one message and waits for the broker's confirmation. */
  default void publish(OutboundMessage message) throws MessageBusException {
    MessageBusException.await(publishAsync(message));
  }

  /**
   * Sends several messages atomically where the broker supports it (Artemis: one transaction;
   * Service Bus: one batch). On failure a {@link BatchPublishException} says how many of the
   * messages, in order, are known to be on the bus (0 when atomic).
   */
  void publishBatch(List<OutboundMessage> messages) throws MessageBusException;

  @Override
  void close();
}
