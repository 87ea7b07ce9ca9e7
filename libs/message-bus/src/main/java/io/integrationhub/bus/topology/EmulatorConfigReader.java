package io.integrationhub.bus.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Azure Service Bus emulator's configuration format ({@code
 * {"UserConfig":{"Namespaces":[{"Name":..,"Queues":[..],"Topics":[..]}],"Logging":{..}}}}) into a
 * {@link BusTopology}, so one file describes the entities for the emulator and for Artemis.
 *
 * <p>Durations are ISO-8601 ({@code PT1M}). A missing property takes the reference default ({@link
 * EntitySettings#referenceDefaults(boolean)}; {@code RequiresSession} defaults to false); unknown
 * properties are ignored. Features the hub does not model are refused rather than silently dropped,
 * because dropping them would route messages differently: auto-forwarding ({@code ForwardTo},
 * {@code ForwardDeadLetteredMessagesTo}) and subscription filter rules. Duplicate detection is
 * accepted and ignored (it only ever removes duplicates; the hub does not rely on it).
 */
public final class EmulatorConfigReader {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorConfigReader.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EmulatorConfigReader() {}

  /** Reads a configuration file. */
  public static BusTopology read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  /** Reads a configuration from a stream (not closed). */
  public static BusTopology read(InputStream in) throws IOException {
    return parse(in, "emulator config");
  }

  private static BusTopology parse(InputStream in, String origin) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidTopologyException(
          origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidTopologyException(origin + " must hold a JSON object");
    }
    JsonNode namespaces = root.path("UserConfig").path("Namespaces");
    if (!namespaces.isArray() || namespaces.isEmpty()) {
      throw new InvalidTopologyException(
          origin + " has no UserConfig.Namespaces array with a namespace");
    }
    if (namespaces.size() > 1) {
      throw new InvalidTopologyException(
          origin + " has " + namespaces.size() + " namespaces; exactly one is supported");
    }
    JsonNode namespace = namespaces.get(0);
    String namespaceName = name(namespace, "Namespace");
    List<QueueSpec> queues = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode queue : array(namespace, "Queues", "Namespace '" + namespaceName + "'")) {
      String name = name(queue, "Queue");
      unique(seen, name, "Queue");
      queues.add(new QueueSpec(name, settings(queue.path("Properties"), "Queue '" + name + "'")));
    }
    List<TopicSpec> topics = new ArrayList<>();
    for (JsonNode topic : array(namespace, "Topics", "Namespace '" + namespaceName + "'")) {
      String topicName = name(topic, "Topic");
      unique(seen, topicName, "Topic");
      String topicLabel = "Topic '" + topicName + "'";
      checkNoForwarding(topic.path("Properties"), topicLabel);
      List<SubscriptionSpec> subscriptions = new ArrayList<>();
      Set<String> subscriptionNames = new HashSet<>();
      for (JsonNode subscription : array(topic, "Subscriptions", topicLabel)) {
        String name = name(subscription, "Subscription of " + topicLabel);
        String label = "Subscription '" + topicName + "/" + name + "'";
        unique(subscriptionNames, name, label);
        JsonNode rules = subscription.path("Rules");
        if (!rules.isMissingNode() && !rules.isNull() && !(rules.isArray() && rules.isEmpty())) {
          throw new InvalidTopologyException(
              label + ": filter Rules are not supported (every subscription gets every message)");
        }
        subscriptions.add(
            new SubscriptionSpec(name, settings(subscription.path("Properties"), label)));
      }
      topics.add(new TopicSpec(topicName, subscriptions));
    }
    return new BusTopology(namespaceName, queues, topics);
  }

  private static EntitySettings settings(JsonNode properties, String label) {
    if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
      throw new InvalidTopologyException(label + ": Properties must be an object");
    }
    checkNoForwarding(properties, label);
    boolean requiresSession = bool(properties, "RequiresSession", false, label);
    EntitySettings defaults = EntitySettings.referenceDefaults(requiresSession);
    Duration lockDuration = duration(properties, "LockDuration", defaults.lockDuration(), label);
    int maxDeliveryCount =
        positiveInt(properties, "MaxDeliveryCount", defaults.maxDeliveryCount(), label);
    Duration ttl =
        duration(properties, "DefaultMessageTimeToLive", defaults.defaultTimeToLive(), label);
    boolean deadLetterOnExpiration =
        bool(
            properties,
            "DeadLetteringOnMessageExpiration",
            defaults.deadLetterOnExpiration(),
            label);
    if (bool(properties, "RequiresDuplicateDetection", false, label)) {
      LOG.warn("{}: RequiresDuplicateDetection is not modelled by the hub and is ignored", label);
    }
    try {
      return new EntitySettings(
          requiresSession, lockDuration, maxDeliveryCount, ttl, deadLetterOnExpiration);
    } catch (IllegalArgumentException e) {
      throw new InvalidTopologyException(label + ": " + e.getMessage(), e);
    }
  }

  private static void checkNoForwarding(JsonNode properties, String label) {
    for (String property : List.of("ForwardTo", "ForwardDeadLetteredMessagesTo")) {
      JsonNode value = properties.path(property);
      if (value.isTextual() && !value.asText().isBlank()) {
        throw new InvalidTopologyException(
            label + ": " + property + " (auto-forwarding) is not supported");
      }
    }
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field, String label) {
    JsonNode node = parent.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidTopologyException(label + ": " + field + " must be an array");
    }
    return node;
  }

  private static String name(JsonNode entity, String kind) {
    JsonNode name = entity.path("Name");
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new InvalidTopologyException(kind + " without a Name");
    }
    String value = name.asText();
    if (value.contains("#") || value.contains("*") || value.contains("::")) {
      throw new InvalidTopologyException(
          kind + " '" + value + "': names must not contain '#', '*' or '::'");
    }
    return value;
  }

  private static void unique(Set<String> seen, String name, String kind) {
    if (!seen.add(name)) {
      throw new InvalidTopologyException(kind + " '" + name + "' is defined twice");
    }
  }

  private static boolean bool(JsonNode properties, String field, boolean fallback, String label) {
    JsonNode value = properties.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new InvalidTopologyException(
          label + ": " + field + " must be true or false, got " + value);
    }
    return value.booleanValue();
  }

  private static int positiveInt(JsonNode properties, String field, int fallback, String label) {
    JsonNode value = properties.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
      throw new InvalidTopologyException(
          label + ": " + field + " must be a whole number of at least 1, got " + value);
    }
    return value.intValue();
  }

  private static Duration duration(
      JsonNode properties, String field, Duration fallback, String label) {
    JsonNode value = properties.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new InvalidTopologyException(
          label + ": " + field + " must be an ISO-8601 duration such as PT1M, got " + value);
    }
    Duration parsed;
    try {
      parsed = Duration.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidTopologyException(
          label
              + ": "
              + field
              + " must be an ISO-8601 duration such as PT1M, got '"
              + value.asText()
              + "'",
          e);
    }
    if (parsed.isNegative() || parsed.isZero()) {
      throw new InvalidTopologyException(
          label + ": " + field + " must be positive, got '" + value.asText() + "'");
    }
    return parsed;
  }
}
