package io.integrationhub.bus.servicebus;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.CreateSubscriptionOptions;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a {@link BusTopology} against a namespace through the administration client: every queue,
 * topic and subscription must exist; a missing one is reported (or created when {@code
 * createMissingEntities} is on). Service Bus stays the source of truth: differing settings are
 * logged, never changed. Without management rights (SAS without Manage, or a role without it) the
 * check is skipped with a warning: the entities are then checked when publishers and receivers
 * open.
 */
final class ServiceBusTopologyCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBusTopologyCheck.class);

  private ServiceBusTopologyCheck() {}

  static void apply(
      BusTopology topology,
      Optional<ServiceBusAdministrationClient> administration,
      boolean createMissing)
      throws MessageBusException {
    if (administration.isEmpty()) {
      LOG.info(
          "Service Bus emulator: no management API, topology of namespace {} not checked"
              + " ({} queue(s), {} topic(s); the emulator creates them from its config file)",
          topology.namespace(),
          topology.queues().size(),
          topology.topics().size());
      return;
    }
    ServiceBusAdministrationClient admin = administration.get();
    List<Runnable> creations = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int present = 0;
    try {
      for (QueueSpec queue : topology.queues()) {
        if (queueExists(admin, queue)) {
          present++;
        } else {
          missing.add("queue " + queue.name());
          creations.add(() -> admin.createQueue(queue.name(), queueOptions(queue.settings())));
        }
      }
      for (TopicSpec topic : topology.topics()) {
        boolean topicExists = admin.getTopicExists(topic.name());
        if (topicExists) {
          present++;
        } else {
          missing.add("topic " + topic.name());
          creations.add(() -> admin.createTopic(topic.name()));
        }
        for (SubscriptionSpec subscription : topic.subscriptions()) {
          if (topicExists && subscriptionExists(admin, topic.name(), subscription)) {
            present++;
          } else {
            missing.add("subscription " + topic.name() + "/" + subscription.name());
            creations.add(
                () ->
                    admin.createSubscription(
                        topic.name(),
                        subscription.name(),
                        subscriptionOptions(subscription.settings())));
          }
        }
      }
    } catch (HttpResponseException e) {
      if (notAuthorised(e)) {
        LOG.warn(
            "No management rights on the Service Bus namespace: topology of {} not checked;"
                + " entities are checked when publishers and receivers open ({})",
            topology.namespace(),
            e.getClass().getSimpleName());
        return;
      }
      throw new MessageBusException(
          "Service Bus topology check failed: " + MessageBusException.describe(e), e);
    } catch (RuntimeException e) {
      throw new MessageBusException(
          "Service Bus topology check failed: " + MessageBusException.describe(e), e);
    }
    if (!missing.isEmpty() && !createMissing) {
      throw new UnknownDestinationException(
          "Service Bus namespace lacks "
              + missing.size()
              + " entit"
              + (missing.size() == 1 ? "y" : "ies")
              + " of topology "
              + topology.namespace()
              + ": "
              + String.join(", ", missing)
              + " (create them in the infrastructure code, or enable createMissingEntities)");
    }
    for (int i = 0; i < creations.size(); i++) {
      try {
        creations.get(i).run();
        LOG.info("Created Service Bus {}", missing.get(i));
      } catch (RuntimeException e) {
        throw new MessageBusException(
            "Could not create Service Bus "
                + missing.get(i)
                + ": "
                + MessageBusException.describe(e),
            e);
      }
    }
    LOG.info(
        "Service Bus topology {} checked: {} entit(ies) present, {} created",
        topology.namespace(),
        present,
        creations.size());
  }

  private static boolean queueExists(ServiceBusAdministrationClient admin, QueueSpec queue) {
    try {
      var properties = admin.getQueue(queue.name());
      warnOnDifference(
          "queue " + queue.name(),
          queue.settings(),
          properties.isSessionRequired(),
          properties.getLockDuration());
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static boolean subscriptionExists(
      ServiceBusAdministrationClient admin, String topic, SubscriptionSpec subscription) {
    try {
      var properties = admin.getSubscription(topic, subscription.name());
      warnOnDifference(
          "subscription " + topic + "/" + subscription.name(),
          subscription.settings(),
          properties.isSessionRequired(),
          properties.getLockDuration());
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static void warnOnDifference(
      String entity, EntitySettings expected, boolean requiresSession, Duration lockDuration) {
    if (expected.requiresSession() != requiresSession) {
      LOG.warn(
          "Service Bus {} has RequiresSession={} but the topology says {}; Service Bus wins",
          entity,
          requiresSession,
          expected.requiresSession());
    }
    if (lockDuration != null && !lockDuration.equals(expected.lockDuration())) {
      LOG.warn(
          "Service Bus {} has LockDuration {} but the topology says {}; Service Bus wins",
          entity,
          lockDuration,
          expected.lockDuration());
    }
  }

  private static boolean notAuthorised(HttpResponseException e) {
    if (e instanceof ClientAuthenticationException) {
      return true;
    }
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    return status == 401 || status == 403;
  }

  static CreateQueueOptions queueOptions(EntitySettings settings) {
    return new CreateQueueOptions()
        .setSessionRequired(settings.requiresSession())
        .setLockDuration(settings.lockDuration())
        .setMaxDeliveryCount(settings.maxDeliveryCount())
        .setDefaultMessageTimeToLive(settings.defaultTimeToLive())
        .setDeadLetteringOnMessageExpiration(settings.deadLetterOnExpiration());
  }

  static CreateSubscriptionOptions subscriptionOptions(EntitySettings settings) {
    return new CreateSubscriptionOptions()
        .setSessionRequired(settings.requiresSession())
        .setLockDuration(settings.lockDuration())
        .setMaxDeliveryCount(settings.maxDeliveryCount())
        .setDefaultMessageTimeToLive(settings.defaultTimeToLive())
        .setDeadLetteringOnMessageExpiration(settings.deadLetterOnExpiration());
  }
}
