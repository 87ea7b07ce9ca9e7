package io.integrationhub.bus.servicebus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrationhub.bus.contract.MessageBusContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Service Bus emulator's Config.json for the contract test: the hub's local configuration
 * ({@code local/ServiceBusEmulatorConfig.json}, found by walking up from the working directory)
 * plus the contract suite's entities with the reference settings.
 */
final class EmulatorConfig {
  static final String LOCAL_CONFIG = "local/ServiceBusEmulatorConfig.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EmulatorConfig() {}

  /** The local config file, if this checkout has one. */
  static Optional<Path> localConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(LOCAL_CONFIG);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The local config (or an empty namespace) with the contract queues, topic and subscription. */
  static String withContractEntities(Optional<Path> localConfig) throws IOException {
    ObjectNode root =
        localConfig.isPresent()
            ? (ObjectNode) MAPPER.readTree(localConfig.get().toFile())
            : emptyConfig();
    ObjectNode namespace = (ObjectNode) root.path("UserConfig").path("Namespaces").get(0);
    ArrayNode queues = namespace.withArray("Queues");
    queues.add(entity(MessageBusContract.SESSION_QUEUE, true));
    queues.add(entity(MessageBusContract.PLAIN_QUEUE, false));
    ObjectNode topic = MAPPER.createObjectNode().put("Name", MessageBusContract.TOPIC);
    topic
        .putObject("Properties")
        .put("DefaultMessageTimeToLive", "PT1H")
        .put("DuplicateDetectionHistoryTimeWindow", "PT20S")
        .put("RequiresDuplicateDetection", false);
    ObjectNode subscription = entity(MessageBusContract.SUBSCRIPTION, true);
    subscription.putArray("Rules");
    topic.putArray("Subscriptions").add(subscription);
    namespace.withArray("Topics").add(topic);
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** A queue or subscription with the reference's local settings. */
  private static ObjectNode entity(String name, boolean requiresSession) {
    ObjectNode entity = MAPPER.createObjectNode().put("Name", name);
    entity
        .putObject("Properties")
        .put("DeadLetteringOnMessageExpiration", false)
        .put("DefaultMessageTimeToLive", "PT1H")
        .put("LockDuration", "PT1M")
        .put("MaxDeliveryCount", 10)
        .put("ForwardDeadLetteredMessagesTo", "")
        .put("ForwardTo", "")
        .put("RequiresSession", requiresSession);
    return entity;
  }

  private static ObjectNode emptyConfig() {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode userConfig = root.putObject("UserConfig");
    userConfig.putArray("Namespaces").addObject().put("Name", "sbemulatorns");
    userConfig.putObject("Logging").put("Type", "File");
    return root;
  }
}
