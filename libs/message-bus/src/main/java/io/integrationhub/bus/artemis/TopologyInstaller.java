package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.ActiveMQAddressExistsException;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSession.AddressQuery;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what is missing of a topology and checks what exists, over a core session; per-entity
 * address settings go through the broker's management address, so the same code serves the embedded
 * and a remote broker (which needs management rights for it).
 */
final class TopologyInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(TopologyInstaller.class);
  private static final String MANAGEMENT_ADDRESS = "activemq.management";
  private static final long MANAGEMENT_TIMEOUT_MILLIS = 30_000;

  private final ClientSession session;
  private ClientRequestor management;

  TopologyInstaller(ClientSession session) {
    this.session = session;
  }

  void install(BusTopology topology) throws MessageBusException {
    checkNames(topology);
    for (QueueSpec queue : topology.queues()) {
      String name = queue.name();
      String deadLetter = ArtemisNames.deadLetterAddress(name);
      try {
        ensureAddress(name, RoutingType.ANYCAST);
        ensureQueue(name, name, RoutingType.ANYCAST, null);
        ensureAddress(deadLetter, RoutingType.ANYCAST);
        ensureQueue(deadLetter, deadLetter, RoutingType.ANYCAST, null);
        putAddressSettings(name, addressSettings(queue.settings(), deadLetter));
      } catch (ActiveMQException e) {
        throw ArtemisErrors.map("Cannot create queue " + name, e);
      }
    }
    for (TopicSpec topic : topology.topics()) {
      String name = topic.name();
      String deadLetter = ArtemisNames.deadLetterAddress(name);
      try {
        ensureAddress(name, RoutingType.MULTICAST);
        ensureAddress(deadLetter, RoutingType.MULTICAST);
        for (SubscriptionSpec subscription : topic.subscriptions()) {
          String queue = ArtemisNames.subscriptionQueue(name, subscription.name());
          ensureQueue(name, queue, RoutingType.MULTICAST, null);
          ensureQueue(
              deadLetter,
              ArtemisNames.DEAD_LETTER_PREFIX + queue,
              RoutingType.MULTICAST,
              ArtemisNames.originalQueueFilter(queue));
        }
        putAddressSettings(name, addressSettings(topicSettings(topic), deadLetter));
      } catch (ActiveMQException e) {
        throw ArtemisErrors.map("Cannot create topic " + name, e);
      }
    }
  }

  void close() {
    if (management != null) {
      try {
        management.close();
      } catch (Exception e) {
        LOG.debug("Closing the management requestor failed", e);
      }
      management = null;
    }
  }

  /**
   * Per-entity settings: max-delivery-attempts = MaxDeliveryCount; dead-letter address {@code
   * DLQ.<entity>}; expiry-delay = DefaultMessageTimeToLive; expired messages go to the same DLQ
   * when DeadLetteringOnMessageExpiration is true, else are dropped (as Service Bus does);
   * redelivery delay 0.
   */
  static AddressSettings addressSettings(EntitySettings settings, String deadLetterAddress) {
    return new AddressSettings()
        .setMaxDeliveryAttempts(settings.maxDeliveryCount())
        .setDeadLetterAddress(SimpleString.of(deadLetterAddress))
        .setExpiryDelay(settings.defaultTimeToLive().toMillis())
        .setExpiryAddress(
            SimpleString.of(settings.deadLetterOnExpiration() ? deadLetterAddress : ""))
        .setRedeliveryDelay(0L)
        .setDefaultGroupBuckets(0)
        .setAutoCreateAddresses(false)
        .setAutoCreateQueues(false)
        .setAutoCreateDeadLetterResources(false)
        .setAutoCreateExpiryResources(false);
  }

  /**
   * Artemis keeps these settings per address, so the subscriptions of one topic share them. When
   * they differ, the safest combination wins (most deliveries, longest time to live, dead-lettering
   * on expiry if any asks for it) and a warning names the topic.
   */
  static EntitySettings topicSettings(TopicSpec topic) {
    List<SubscriptionSpec> subscriptions = topic.subscriptions();
    if (subscriptions.isEmpty()) {
      return EntitySettings.referenceDefaults(false);
    }
    EntitySettings first = subscriptions.get(0).settings();
    int maxDeliveries = first.maxDeliveryCount();
    var ttl = first.defaultTimeToLive();
    boolean deadLetterOnExpiry = first.deadLetterOnExpiration();
    boolean differ = false;
    for (SubscriptionSpec subscription : subscriptions) {
      EntitySettings s = subscription.settings();
      differ |=
          s.maxDeliveryCount() != first.maxDeliveryCount()
              || !s.defaultTimeToLive().equals(first.defaultTimeToLive())
              || s.deadLetterOnExpiration() != first.deadLetterOnExpiration();
      maxDeliveries = Math.max(maxDeliveries, s.maxDeliveryCount());
      ttl = ttl.compareTo(s.defaultTimeToLive()) >= 0 ? ttl : s.defaultTimeToLive();
      deadLetterOnExpiry |= s.deadLetterOnExpiration();
    }
    if (differ) {
      LOG.warn(
          "Subscriptions of topic {} differ in MaxDeliveryCount/TTL/dead-lettering on expiry;"
              + " Artemis shares them per address: using {} deliveries, TTL {}, DLQ on expiry {}",
          topic.name(),
          maxDeliveries,
          ttl,
          deadLetterOnExpiry);
    }
    return new EntitySettings(
        first.requiresSession(), first.lockDuration(), maxDeliveries, ttl, deadLetterOnExpiry);
  }

  private static void checkNames(BusTopology topology) throws MessageBusException {
    Set<String> queues = new HashSet<>();
    for (QueueSpec queue : topology.queues()) {
      checkName(queue.name());
      queues.add(queue.name());
    }
    for (TopicSpec topic : topology.topics()) {
      checkName(topic.name());
      for (SubscriptionSpec subscription : topic.subscriptions()) {
        checkName(subscription.name());
        String queue = ArtemisNames.subscriptionQueue(topic.name(), subscription.name());
        if (queues.contains(queue)) {
          throw new MessageBusException(
              "Subscription "
                  + topic.name()
                  + "/"
                  + subscription.name()
                  + " would use the Artemis queue name "
                  + queue
                  + ", which is also a queue of the topology");
        }
      }
    }
  }

  private static void checkName(String name) throws MessageBusException {
    if (name.contains("#") || name.contains("*") || name.contains("::")) {
      throw new MessageBusException(
          "Entity name '" + name + "' contains '#', '*' or '::', which Artemis reserves");
    }
  }

  private void ensureAddress(String name, RoutingType routingType)
      throws ActiveMQException, MessageBusException {
    SimpleString address = SimpleString.of(name);
    AddressQuery query = session.addressQuery(address);
    if (query.isExists()) {
      boolean supported =
          routingType == RoutingType.ANYCAST
              ? query.isSupportsAnycast()
              : query.isSupportsMulticast();
      if (!supported) {
        throw new MessageBusException(
            "Address " + name + " exists without routing type " + routingType);
      }
      return;
    }
    try {
      session.createAddress(address, routingType, false);
      LOG.info("Created {} address {}", routingType, name);
    } catch (ActiveMQAddressExistsException raced) {
      // created meanwhile by another process
    }
  }

  private void ensureQueue(String address, String name, RoutingType routingType, String filter)
      throws ActiveMQException, MessageBusException {
    QueueQuery query = session.queueQuery(SimpleString.of(name));
    if (query.isExists()) {
      if (query.getGroupBuckets() != null && query.getGroupBuckets() != 0) {
        LOG.warn(
            "Queue {} has message grouping on (group-buckets {}); a failing session can hold up"
                + " the others. Recreate it or set group-buckets to 0",
            name,
            query.getGroupBuckets());
      }
      if (!address.equals(String.valueOf(query.getAddress()))
          || query.getRoutingType() != routingType) {
        throw new MessageBusException(
            "Queue "
                + name
                + " exists on address "
                + query.getAddress()
                + " ("
                + query.getRoutingType()
                + "); expected "
                + address
                + " ("
                + routingType
                + ")");
      }
      return;
    }
    try {
      session.createQueue(
          QueueConfiguration.of(name)
              .setAddress(address)
              .setRoutingType(routingType)
              .setDurable(true)
              .setAutoCreateAddress(false)
              // Sessions are enforced by a filter plus a lock (see ArtemisSessionReceiver); broker
              // message grouping would pin a group to a busy consumer and stall every other
              // session behind that group's head message, so it is switched off.
              .setGroupBuckets(0)
              .setFilterString(filter));
      LOG.info("Created {} queue {} on address {}", routingType, name, address);
    } catch (ActiveMQQueueExistsException raced) {
      // created meanwhile by another process
    }
  }

  private void putAddressSettings(String match, AddressSettings settings)
      throws MessageBusException {
    try {
      if (management == null) {
        management = new ClientRequestor(session, SimpleString.of(MANAGEMENT_ADDRESS));
      }
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putOperationInvocation(
          request, ResourceNames.BROKER, "addAddressSettings", match, settings.toJSON());
      ClientMessage reply = management.request(request, MANAGEMENT_TIMEOUT_MILLIS);
      if (reply == null) {
        throw new MessageBusException(
            "The broker did not answer the address-settings request for " + match);
      }
      if (!ManagementHelper.hasOperationSucceeded(reply)) {
        throw new MessageBusException(
            "The broker refused the address settings for "
                + match
                + ": "
                + ManagementHelper.getResult(reply));
      }
    } catch (MessageBusException e) {
      throw e;
    } catch (Exception e) {
      throw new MessageBusException(
          "Cannot set the address settings of "
              + match
              + " (a remote broker needs management rights): "
              + MessageBusException.describe(e),
          e);
    }
  }
}
