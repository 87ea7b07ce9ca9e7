package io.integrationhub.bus.artemis;

import io.integrationhub.bus.BatchPublishException;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.SendAcknowledgementHandler;
import org.apache.activemq.artemis.api.core.client.SessionFailureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes to one address. Sends are durable and asynchronous: the broker confirms each one after
 * its journal write is synced (a {@link SendAcknowledgementHandler} completes the future), so many
 * sends in flight share one sync. If the connection drops, every unconfirmed send fails (the
 * message may or may not be on the bus: the caller retries, risking a duplicate, never a loss) and
 * the next send opens a new connection. Thread-safe.
 */
final class ArtemisPublisher implements MessagePublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ArtemisPublisher.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final ArtemisMessageBus bus;
  private final Destination destination;
  private final SimpleString address;
  private final RoutingType routingType;
  private final boolean requiresSession;
  private final int maxMessageBytes;
  private final Object lock = new Object();
  private Link link; // guarded by lock
  private boolean closed; // guarded by lock

  ArtemisPublisher(
      ArtemisMessageBus bus,
      Destination destination,
      boolean requiresSession,
      int maxMessageBytes,
      Link firstLink) {
    this.bus = bus;
    this.destination = destination;
    this.address = SimpleString.of(destination.name());
    this.routingType =
        destination.kind() == Destination.Kind.QUEUE ? RoutingType.ANYCAST : RoutingType.MULTICAST;
    this.requiresSession = requiresSession;
    this.maxMessageBytes = maxMessageBytes;
    this.link = firstLink;
  }

  @Override
  public Destination destination() {
    return destination;
  }

  @Override
  public CompletableFuture<Void> publishAsync(OutboundMessage message) {
    byte[] body;
    try {
      body = MessageMapping.encodeBody(message, maxMessageBytes, requiresSession, target());
    } catch (MessageBusException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new MessageBusException("Publisher for " + destination + " is closed"));
      }
      Link current = null;
      try {
        current = currentLink();
        Message out = MessageMapping.toClientMessage(current.session, message, body, routingType);
        current.inFlight.add(result);
        current.producer.send(address, out, new Confirmation(result, current));
      } catch (ActiveMQException | RuntimeException e) {
        if (current != null) {
          current.inFlight.remove(result);
        }
        result.completeExceptionally(ArtemisErrors.map("Send to " + destination + " failed", e));
      } catch (MessageBusException e) {
        result.completeExceptionally(e);
      }
    }
    return result;
  }

  @Override
  public void publishBatch(List<OutboundMessage> messages) throws MessageBusException {
    if (messages.isEmpty()) {
      return;
    }
    List<byte[]> bodies = new ArrayList<>(messages.size());
    for (OutboundMessage message : messages) {
      bodies.add(MessageMapping.encodeBody(message, maxMessageBytes, requiresSession, target()));
    }
    synchronized (lock) {
      if (closed) {
        throw new MessageBusException("Publisher for " + destination + " is closed");
      }
      Link current = currentLink();
      try {
        ClientSession tx = current.transacted();
        for (int i = 0; i < messages.size(); i++) {
          current.transactedProducer.send(
              address,
              MessageMapping.toClientMessage(tx, messages.get(i), bodies.get(i), routingType));
        }
        tx.commit();
        LOG.debug("Sent a batch of {} message(s) to {}", messages.size(), destination);
      } catch (ActiveMQException | RuntimeException e) {
        current.rollbackQuietly();
        throw new BatchPublishException(
            "Batch of "
                + messages.size()
                + " message(s) to "
                + destination
                + " was rolled back: "
                + MessageBusException.describe(e),
            0,
            e);
      }
    }
  }

  @Override
  public void close() {
    Link last;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      last = link;
      link = null;
    }
    if (last != null) {
      last.awaitInFlight();
      last.close(
          new MessageBusException(
              "Publisher for " + destination + " closed before the broker confirmed the send"));
    }
    bus.forget(this);
  }

  private String target() {
    return destination.toString();
  }

  /** The open link, or a new one when the previous connection failed. */
  private Link currentLink() throws MessageBusException {
    if (link == null || link.failed) {
      if (link != null) {
        LOG.info("Reconnecting publisher for {} after a connection failure", destination);
        link.close(new MessageBusException("Connection to the broker was replaced"));
      }
      link = Link.open(bus, destination);
    }
    return link;
  }

  /** Completes one send's future when the broker confirms or refuses it. */
  private static final class Confirmation implements SendAcknowledgementHandler {
    private final CompletableFuture<Void> result;
    private final Link link;

    Confirmation(CompletableFuture<Void> result, Link link) {
      this.result = result;
      this.link = link;
    }

    @Override
    public void sendAcknowledged(Message message) {
      link.inFlight.remove(result);
      result.complete(null);
    }

    @Override
    public void sendFailed(Message message, Exception e) {
      link.inFlight.remove(result);
      result.completeExceptionally(
          ArtemisErrors.map("Broker refused the message for " + link.destination, e));
    }
  }

  /** One connection: a non-transacted session for async sends, a transacted one for batches. */
  static final class Link implements SessionFailureListener {
    private final Destination destination;
    private final ClientSessionFactory factory;
    private final ClientSession session;
    private final ClientProducer producer;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private ClientSession transactedSession;
    private ClientProducer transactedProducer;
    private volatile boolean failed;

    private Link(
        Destination destination,
        ClientSessionFactory factory,
        ClientSession session,
        ClientProducer producer) {
      this.destination = destination;
      this.factory = factory;
      this.session = session;
      this.producer = producer;
    }

    static Link open(ArtemisMessageBus bus, Destination destination) throws MessageBusException {
      ClientSessionFactory factory = bus.newSessionFactory();
      try {
        ClientSession session = factory.createSession(true, true);
        ClientProducer producer = session.createProducer();
        Link link = new Link(destination, factory, session, producer);
        session.addFailureListener(link);
        return link;
      } catch (ActiveMQException | RuntimeException e) {
        factory.close();
        throw ArtemisErrors.map("Cannot open a publisher for " + destination, e);
      }
    }

    ClientSession transacted() throws ActiveMQException {
      if (transactedSession == null) {
        transactedSession = factory.createSession(false, false);
        transactedProducer = transactedSession.createProducer();
      }
      return transactedSession;
    }

    void rollbackQuietly() {
      try {
        if (transactedSession != null && !transactedSession.isClosed()) {
          transactedSession.rollback();
        }
      } catch (ActiveMQException | RuntimeException e) {
        LOG.warn(
            "Rollback of a failed batch to {} failed: {}",
            destination,
            MessageBusException.describe(e));
      }
    }

    @Override
    public void connectionFailed(ActiveMQException exception, boolean failedOver) {
      failed = true;
      failAll(
          new MessageBusException(
              "Connection to the broker lost before it confirmed the send to "
                  + destination
                  + " (the message may or may not be on the bus)",
              exception));
    }

    @Override
    public void connectionFailed(
        ActiveMQException exception, boolean failedOver, String scaleDownTargetNodeID) {
      connectionFailed(exception, failedOver);
    }

    @Override
    public void beforeReconnect(ActiveMQException exception) {
      failed = true;
    }

    void awaitInFlight() {
      if (inFlight.isEmpty()) {
        return;
      }
      try {
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture<?>[]::new))
            .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        // each future reports its own outcome; the rest are failed by close()
        LOG.debug("Some sends to {} were still unconfirmed at close", destination);
      }
    }

    private void failAll(MessageBusException error) {
      List<CompletableFuture<Void>> pending = new ArrayList<>(inFlight);
      inFlight.removeAll(pending);
      if (!pending.isEmpty()) {
        LOG.warn(
            "{} unconfirmed send(s) to {} failed: {}",
            pending.size(),
            destination,
            error.getMessage());
      }
      pending.forEach(future -> future.completeExceptionally(error));
    }

    void close(MessageBusException unconfirmed) {
      failAll(unconfirmed);
      try {
        factory.close();
      } catch (RuntimeException e) {
        LOG.debug("Closing the publisher connection to {} failed", destination, e);
      }
    }
  }
}
