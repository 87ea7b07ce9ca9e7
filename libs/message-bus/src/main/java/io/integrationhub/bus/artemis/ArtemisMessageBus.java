package io.integrationhub.bus.artemis;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSession.AddressQuery;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apache ActiveMQ Artemis adapter of the bus port, over the core client API. {@link
 * #start(ArtemisOptions)} runs an embedded, persistent broker (the local and test default) or
 * connects to a remote one.
 *
 * <p>Mapping (see README-artemis.md): a queue is an ANYCAST address with a queue of the same name;
 * a topic is a MULTICAST address; a subscription is a durable MULTICAST queue {@code
 * <topic>.<subscription>} on it; each entity dead-letters to {@code DLQ.<entity>}; a session id is
 * the message group ({@code _AMQ_GROUP_ID}) and a session receiver consumes with a filter on it.
 */
public final class ArtemisMessageBus implements MessageBus {
  private static final Logger LOG = LoggerFactory.getLogger(ArtemisMessageBus.class);

  /** Bytes of sends the client keeps until the broker confirms them (enables async confirms). */
  private static final int CONFIRMATION_WINDOW_BYTES = 1 << 20;

  private static final int BROWSE_WINDOW_BYTES = 1 << 20;

  private final ArtemisOptions options;
  private final EmbeddedBroker broker;
  private final ServerLocator locator;
  private final ClientSessionFactory adminFactory;
  private final ClientSession admin;
  private final Object adminLock = new Object();
  private final Map<String, EntitySettings> settingsByQueue = new ConcurrentHashMap<>();
  private final Map<String, Boolean> topicRequiresSession = new ConcurrentHashMap<>();
  private final Set<AutoCloseable> openClients = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ArtemisMessageBus(
      ArtemisOptions options,
      EmbeddedBroker broker,
      ServerLocator locator,
      ClientSessionFactory adminFactory,
      ClientSession admin) {
    this.options = options;
    this.broker = broker;
    this.locator = locator;
    this.adminFactory = adminFactory;
    this.admin = admin;
  }

  /**
   * Starts the embedded broker (or connects to {@link ArtemisOptions#brokerUrl()}) and applies the
   * options' topology.
   */
  public static ArtemisMessageBus start(ArtemisOptions options) throws MessageBusException {
    Objects.requireNonNull(options, "options");
    EmbeddedBroker broker = options.embedded() ? EmbeddedBroker.start(options) : null;
    ServerLocator locator = null;
    ClientSessionFactory adminFactory = null;
    try {
      locator =
          broker != null
              ? ActiveMQClient.createServerLocatorWithoutHA(broker.inVmConnector())
              : ActiveMQClient.createServerLocator(options.brokerUrl().orElseThrow());
      locator
          .setConfirmationWindowSize(CONFIRMATION_WINDOW_BYTES)
          .setBlockOnDurableSend(false)
          .setBlockOnNonDurableSend(false)
          .setConsumerWindowSize(0)
          .setReconnectAttempts(0);
      adminFactory = locator.createSessionFactory();
      ClientSession admin = adminFactory.createSession(true, true);
      admin.start();
      ArtemisMessageBus bus = new ArtemisMessageBus(options, broker, locator, adminFactory, admin);
      if (options.topology().isPresent()) {
        try {
          bus.applyTopology(options.topology().get());
        } catch (MessageBusException | RuntimeException e) {
          bus.close();
          throw e;
        }
      }
      LOG.info(
          "Artemis bus started ({})",
          broker != null ? "embedded" : "remote " + options.brokerUrl().orElseThrow());
      return bus;
    } catch (MessageBusException e) {
      throw e;
    } catch (Exception e) {
      if (adminFactory != null) {
        adminFactory.close();
      }
      if (locator != null) {
        locator.close();
      }
      if (broker != null) {
        broker.close();
      }
      throw new MessageBusException(
          "Cannot connect to the Artemis broker: " + MessageBusException.describe(e), e);
    }
  }

  @Override
  public String kind() {
    return "artemis";
  }

  /** The options this bus was started with. */
  public ArtemisOptions options() {
    return options;
  }

  @Override
  public MessagePublisher publisher(Destination destination) throws MessageBusException {
    Objects.requireNonNull(destination, "destination");
    checkOpen();
    boolean requiresSession;
    synchronized (adminLock) {
      try {
        SimpleString name = SimpleString.of(destination.name());
        AddressQuery address = admin.addressQuery(name);
        boolean exists;
        if (destination.kind() == Destination.Kind.QUEUE) {
          QueueQuery queue = admin.queueQuery(name);
          exists =
              address.isExists()
                  && address.isSupportsAnycast()
                  && queue.isExists()
                  && queue.getRoutingType() == RoutingType.ANYCAST;
        } else {
          exists = address.isExists() && address.isSupportsMulticast();
        }
        if (!exists) {
          throw new UnknownDestinationException(
              "No " + destination + " on the broker (Artemis creates nothing automatically)");
        }
      } catch (ActiveMQException e) {
        throw ArtemisErrors.map("Cannot look up " + destination, e);
      }
    }
    if (destination.kind() == Destination.Kind.QUEUE) {
      EntitySettings settings = settingsByQueue.get(destination.name());
      requiresSession = settings != null && settings.requiresSession();
    } else {
      requiresSession = topicRequiresSession.getOrDefault(destination.name(), false);
    }
    ArtemisPublisher publisher =
        new ArtemisPublisher(
            this,
            destination,
            requiresSession,
            options.maxMessageBytes(),
            ArtemisPublisher.Link.open(this, destination));
    openClients.add(publisher);
    return publisher;
  }

  @Override
  public SessionReceiver receiver(Source source, Optional<String> sessionId)
      throws MessageBusException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sessionId, "sessionId");
    checkOpen();
    if (sessionId.isPresent() && sessionId.get().isBlank()) {
      throw new MessageBusException("A session id must not be blank (use Optional.empty())");
    }
    String queueName = ArtemisNames.queueName(source);
    checkSourceExists(source, queueName);
    EntitySettings settings = settingsByQueue.get(queueName);
    if (settings != null && settings.requiresSession() && sessionId.isEmpty()) {
      throw new SessionRequiredException(source + " requires sessions: give a session id");
    }
    if (settings != null && !settings.requiresSession() && sessionId.isPresent()) {
      throw new MessageBusException(
          source + " does not use sessions: open the receiver without a session id");
    }
    EntitySettings effective =
        settings != null ? settings : EntitySettings.referenceDefaults(sessionId.isPresent());
    ArtemisSessionReceiver receiver =
        ArtemisSessionReceiver.open(
            this,
            source,
            sessionId,
            effective.lockDuration(),
            settings != null ? settings.maxDeliveryCount() : 0,
            options.receiveWindowBytes());
    openClients.add(receiver);
    return receiver;
  }

  private void checkSourceExists(Source source, String queueName) throws MessageBusException {
    synchronized (adminLock) {
      try {
        QueueQuery queue = admin.queueQuery(SimpleString.of(queueName));
        RoutingType expected =
            source.isSubscription() ? RoutingType.MULTICAST : RoutingType.ANYCAST;
        boolean exists =
            queue.isExists()
                && queue.getRoutingType() == expected
                && source.entity().equals(String.valueOf(queue.getAddress()));
        if (!exists) {
          throw new UnknownDestinationException(
              "No "
                  + (source.isSubscription() ? "subscription " : "queue ")
                  + source
                  + " on the broker (Artemis creates nothing automatically)");
        }
      } catch (ActiveMQException e) {
        throw ArtemisErrors.map("Cannot look up " + source, e);
      }
    }
  }

  @Override
  public void applyTopology(BusTopology topology) throws MessageBusException {
    Objects.requireNonNull(topology, "topology");
    checkOpen();
    synchronized (adminLock) {
      TopologyInstaller installer = new TopologyInstaller(admin);
      try {
        installer.install(topology);
      } finally {
        installer.close();
      }
      for (var queue : topology.queues()) {
        settingsByQueue.put(queue.name(), queue.settings());
      }
      for (var topic : topology.topics()) {
        boolean anySession = false;
        for (var subscription : topic.subscriptions()) {
          settingsByQueue.put(
              ArtemisNames.subscriptionQueue(topic.name(), subscription.name()),
              subscription.settings());
          anySession |= subscription.settings().requiresSession();
        }
        topicRequiresSession.put(topic.name(), anySession);
      }
    }
    LOG.info(
        "Topology '{}' applied: {} queue(s), {} topic(s)",
        topology.namespace(),
        topology.queues().size(),
        topology.topics().size());
  }

  /**
   * Reads (without removing) the dead-letter queue of a queue or subscription: {@code DLQ.<queue>}
   * or {@code DLQ.<topic>.<subscription>}. For tests and operators.
   */
  public List<DeadLetteredMessage> deadLetters(Source source) throws MessageBusException {
    Objects.requireNonNull(source, "source");
    checkOpen();
    SimpleString queue = SimpleString.of(ArtemisNames.deadLetterQueue(source));
    EntitySettings settings = settingsByQueue.get(ArtemisNames.queueName(source));
    List<DeadLetteredMessage> result = new ArrayList<>();
    synchronized (adminLock) {
      try {
        if (!admin.queueQuery(queue).isExists()) {
          throw new UnknownDestinationException("No dead-letter queue " + queue + " for " + source);
        }
        ClientConsumer browser = admin.createConsumer(queue, null, BROWSE_WINDOW_BYTES, -1, true);
        try {
          for (ClientMessage m = browser.receiveImmediate();
              m != null;
              m = browser.receiveImmediate()) {
            result.add(toDeadLetter(m, settings));
          }
        } finally {
          browser.close();
        }
      } catch (ActiveMQException e) {
        throw ArtemisErrors.map("Cannot read the dead-letter queue of " + source, e);
      }
    }
    return result;
  }

  private static DeadLetteredMessage toDeadLetter(ClientMessage m, EntitySettings settings) {
    Map<String, String> properties =
        new java.util.LinkedHashMap<>(MessageMapping.applicationProperties(m));
    properties.remove(MessageMapping.DEAD_LETTER_REASON);
    properties.remove(MessageMapping.DEAD_LETTER_DESCRIPTION);
    String reason;
    String description;
    int deliveryCount;
    if (m.containsProperty(MessageMapping.ORIGINAL_DELIVERY_COUNT)) {
      reason =
          Objects.requireNonNullElse(m.getStringProperty(MessageMapping.DEAD_LETTER_REASON), "");
      description =
          Objects.requireNonNullElse(
              m.getStringProperty(MessageMapping.DEAD_LETTER_DESCRIPTION), "");
      deliveryCount = m.getIntProperty(MessageMapping.ORIGINAL_DELIVERY_COUNT);
    } else if (m.containsProperty(Message.HDR_ACTUAL_EXPIRY_TIME)) {
      reason = MessageMapping.EXPIRED_REASON;
      description = "The message expired and was dead lettered.";
      deliveryCount = 0;
    } else {
      int max = settings != null ? settings.maxDeliveryCount() : 0;
      reason = MessageMapping.MAX_DELIVERY_REASON;
      description = "Message could not be consumed after " + max + " delivery attempts.";
      deliveryCount = max;
    }
    return new DeadLetteredMessage(
        MessageMapping.bodyText(m),
        MessageMapping.messageId(m),
        MessageMapping.sessionId(m),
        properties,
        reason,
        description,
        deliveryCount,
        MessageMapping.enqueuedTime(m));
  }

  /** A new connection to the broker (one per publisher link and per receiver). */
  ClientSessionFactory newSessionFactory() throws MessageBusException {
    checkOpen();
    try {
      return locator.createSessionFactory();
    } catch (Exception e) {
      throw new MessageBusException(
          "Cannot connect to the Artemis broker: " + MessageBusException.describe(e), e);
    }
  }

  void forget(AutoCloseable client) {
    openClients.remove(client);
  }

  private void checkOpen() throws MessageBusException {
    if (closed) {
      throw new MessageBusException("The Artemis bus is closed");
    }
  }

  /**
   * Closes every publisher and receiver (receivers release unsettled messages), then the broker.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable client : List.copyOf(openClients)) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.warn("Closing a bus client failed: {}", MessageBusException.describe(e));
      }
    }
    synchronized (adminLock) {
      adminFactory.close();
    }
    locator.close();
    if (broker != null) {
      broker.close();
    }
    LOG.info("Artemis bus closed");
  }
}
