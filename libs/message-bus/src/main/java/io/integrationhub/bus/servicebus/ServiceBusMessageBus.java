package io.integrationhub.bus.servicebus;

import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.servicebus.ServiceBusErrors.Operation;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus port on Azure Service Bus. Publishers and receivers are built from one shared client
 * configuration ({@link ServiceBusClientFactory}); closing the bus closes every publisher and
 * receiver it handed out that is still open (and with the last one the shared AMQP connection).
 */
public final class ServiceBusMessageBus implements MessageBus {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBusMessageBus.class);

  /** Lock duration assumed when the topology does not know the entity (the reference's PT1M). */
  public static final Duration DEFAULT_LOCK_DURATION = Duration.ofMinutes(1);

  private final ServiceBusOptions options;
  private final ServiceBusClientFactory clients;
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  ServiceBusMessageBus(ServiceBusOptions options, ServiceBusClientFactory clients) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /** The adapter on the SDK, configured from {@code options}. */
  public static ServiceBusMessageBus create(ServiceBusOptions options) {
    return new ServiceBusMessageBus(options, ServiceBusClientFactory.create(options));
  }

  /** The adapter on the given client factory (tests pass mocked SDK clients). */
  public static ServiceBusMessageBus create(
      ServiceBusOptions options, ServiceBusClientFactory clients) {
    return new ServiceBusMessageBus(options, clients);
  }

  @Override
  public String kind() {
    return "servicebus";
  }

  /**
   * Opens a sender and its link (by creating an empty batch), so a missing queue or topic fails
   * here with {@link io.integrationhub.bus.UnknownDestinationException}, not on the first send.
   */
  @Override
  public MessagePublisher publisher(Destination destination) throws MessageBusException {
    Objects.requireNonNull(destination, "destination");
    checkOpen();
    String what = "open a publisher for " + destination;
    ServiceBusSenderAsyncClient sender;
    try {
      sender = clients.sender(destination);
    } catch (RuntimeException e) {
      throw ServiceBusErrors.translate(e, Operation.OPEN_PUBLISHER, what, false);
    }
    try {
      ServiceBusMessageBatch probe =
          MessageBusException.await(
              ServiceBusPublisher.future(
                  sender::createMessageBatch,
                  error ->
                      ServiceBusErrors.translate(error, Operation.OPEN_PUBLISHER, what, false)));
      LOG.info(
          "Service Bus publisher open for {} (largest batch {} bytes)",
          destination,
          probe == null ? "unknown" : probe.getMaxSizeInBytes());
    } catch (MessageBusException e) {
      closeQuietly(sender::close, destination.toString());
      throw e;
    }
    ServiceBusPublisher[] holder = new ServiceBusPublisher[1];
    holder[0] =
        new ServiceBusPublisher(
            destination,
            sender,
            options.maxMessageBytes(),
            destinationRequiresSession(destination),
            () -> open.remove(holder[0]));
    open.add(holder[0]);
    return holder[0];
  }

  /**
   * With a session id: {@code acceptSession} on a session receiver (the session lock is held until
   * {@link SessionReceiver#close()}); another holder gives {@link
   * io.integrationhub.bus.SessionUnavailableException}. Without: a plain receiver, checked by
   * peeking (which neither locks a message nor raises its delivery count). Both peek-lock, prefetch
   * 0, no auto-complete.
   */
  @Override
  public SessionReceiver receiver(Source source, Optional<String> sessionId)
      throws MessageBusException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sessionId, "sessionId");
    if (sessionId.isPresent() && sessionId.get().isBlank()) {
      throw new IllegalArgumentException("A session id must not be blank");
    }
    checkOpen();
    Duration lockDuration = lockDuration(source);
    ServiceBusSourceReceiver[] holder = new ServiceBusSourceReceiver[1];
    Runnable onClose = () -> open.remove(holder[0]);
    if (sessionId.isPresent()) {
      String id = sessionId.get();
      String what = "accept session " + id + " of " + source.label();
      ServiceBusSessionReceiverClient sessions;
      ServiceBusReceiverClient client;
      try {
        sessions = clients.sessionReceiver(source);
      } catch (RuntimeException e) {
        throw ServiceBusErrors.translate(e, Operation.OPEN_RECEIVER, what, false);
      }
      try {
        client = sessions.acceptSession(id);
      } catch (RuntimeException e) {
        closeQuietly(sessions::close, source.label());
        throw ServiceBusErrors.translate(e, Operation.OPEN_RECEIVER, what, false);
      }
      holder[0] =
          new ServiceBusSourceReceiver(
              source, sessionId, client, Optional.of(sessions), lockDuration, onClose);
      LOG.info("Service Bus session {} of {} locked", id, source.label());
    } else {
      if (sourceRequiresSession(source)) {
        throw new SessionRequiredException(
            source.label() + " requires sessions (topology): a receiver needs a session id");
      }
      String what = "open a receiver for " + source.label();
      ServiceBusReceiverClient client;
      try {
        client = clients.receiver(source);
      } catch (RuntimeException e) {
        throw ServiceBusErrors.translate(e, Operation.OPEN_RECEIVER, what, true);
      }
      try {
        client.peekMessage();
      } catch (RuntimeException e) {
        closeQuietly(client::close, source.label());
        throw ServiceBusErrors.translate(e, Operation.OPEN_RECEIVER, what, true);
      }
      holder[0] =
          new ServiceBusSourceReceiver(
              source, Optional.empty(), client, Optional.empty(), lockDuration, onClose);
      LOG.info("Service Bus receiver open for {} (no session)", source.label());
    }
    open.add(holder[0]);
    return holder[0];
  }

  @Override
  public void applyTopology(BusTopology topology) throws MessageBusException {
    Objects.requireNonNull(topology, "topology");
    checkOpen();
    ServiceBusTopologyCheck.apply(
        topology, clients.administration(), options.createMissingEntities());
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> toClose = List.copyOf(open);
    for (AutoCloseable closeable : toClose) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", closeable, e.toString());
      }
    }
    open.clear();
    LOG.info("Service Bus adapter closed ({} publisher(s)/receiver(s) closed)", toClose.size());
  }

  /** The entity's LockDuration from the topology, else {@link #DEFAULT_LOCK_DURATION}. */
  Duration lockDuration(Source source) {
    return settings(source).map(EntitySettings::lockDuration).orElse(DEFAULT_LOCK_DURATION);
  }

  private Optional<EntitySettings> settings(Source source) {
    return options
        .topology()
        .flatMap(
            topology ->
                source.isSubscription()
                    ? topology
                        .subscription(source.entity(), source.subscription().orElseThrow())
                        .map(s -> s.settings())
                    : topology.queue(source.entity()).map(q -> q.settings()));
  }

  private boolean sourceRequiresSession(Source source) {
    return settings(source).map(EntitySettings::requiresSession).orElse(false);
  }

  /**
   * A queue that requires sessions, or a topic with a subscription that does (a message without a
   * session id could never be received from it).
   */
  private boolean destinationRequiresSession(Destination destination) {
    Optional<BusTopology> topology = options.topology();
    if (topology.isEmpty()) {
      return false;
    }
    return switch (destination.kind()) {
      case QUEUE ->
          topology
              .get()
              .queue(destination.name())
              .map(q -> q.settings().requiresSession())
              .orElse(false);
      case TOPIC ->
          topology
              .get()
              .topic(destination.name())
              .map(t -> t.subscriptions().stream().anyMatch(s -> s.settings().requiresSession()))
              .orElse(false);
    };
  }

  private void checkOpen() throws MessageBusException {
    if (closed.get()) {
      throw new MessageBusException("The Service Bus adapter is closed");
    }
  }

  private static void closeQuietly(Runnable close, String what) {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.debug("Closing the client for {} after a failure failed: {}", what, e.toString());
    }
  }
}
