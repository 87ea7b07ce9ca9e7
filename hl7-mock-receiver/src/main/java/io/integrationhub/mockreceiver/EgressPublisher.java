package io.integrationhub.mockreceiver;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a copy of every received message to {@code EGRESS_QUEUE_NAME}, as the reference mock
 * does: the raw text, no application properties, no message id, the session {@code
 * EGRESS_SESSION_ID} when set. Nobody consumes the queue; it is there for inspection.
 *
 * <p>The publisher is opened at start and re-opened on the next message after any failure, so a
 * queue created later, or a broker that comes back, is picked up. Publishing blocks on the broker's
 * confirmation on a virtual thread, never on the network event loop.
 */
final class EgressPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EgressPublisher.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final MessageBus bus;
  private final Destination destination;
  private final Optional<String> sessionId;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("egress-publish-", 0).factory());
  private final Object lock = new Object();
  private MessagePublisher publisher; // guarded by lock

  EgressPublisher(MessageBus bus, String queueName, Optional<String> sessionId) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.destination = Destination.queue(queueName);
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
  }

  /** Opens the publisher now, so a missing queue shows in the log at start (not fatal). */
  void open() {
    try {
      publisher();
    } catch (MessageBusException e) {
      log.warn(
          "Cannot open a publisher for EGRESS_QUEUE_NAME={} yet ({}); every message will be"
              + " answered with AE until it can be published",
          destination.name(),
          e.getMessage());
    }
  }

  /**
   * Publishes the text; the future completes when the broker has the message durably, or
   * exceptionally when it could not be published.
   */
  CompletableFuture<Void> publish(String text) {
    OutboundMessage message =
        OutboundMessage.builder(text).sessionId(sessionId.orElse(null)).build();
    return CompletableFuture.runAsync(() -> send(message), executor);
  }

  private void send(OutboundMessage message) {
    MessagePublisher current;
    try {
      current = publisher();
      current.publish(message);
    } catch (MessageBusException e) {
      discardPublisher();
      throw new CompletionException(e);
    }
  }

  private MessagePublisher publisher() throws MessageBusException {
    synchronized (lock) {
      if (publisher == null) {
        publisher = bus.publisher(destination);
        log.info(
            "Publishing a copy of every received message to queue {}{}",
            destination.name(),
            sessionId.map(id -> " (session " + id + ")").orElse(""));
      }
      return publisher;
    }
  }

  private void discardPublisher() {
    MessagePublisher broken;
    synchronized (lock) {
      broken = publisher;
      publisher = null;
    }
    if (broken != null) {
      try {
        broken.close();
      } catch (RuntimeException e) {
        log.debug("Closing a failed egress publisher failed: {}", e.getMessage());
      }
    }
  }

  /** Waits for publishes in flight (up to 10 s), then closes the publisher. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Egress publishes still running after {}; closing anyway", CLOSE_WAIT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
    discardPublisher();
  }

  String queueName() {
    return destination.name();
  }
}
