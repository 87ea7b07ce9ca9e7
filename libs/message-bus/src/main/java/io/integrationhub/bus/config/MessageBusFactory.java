package io.integrationhub.bus.config;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.servicebus.ServiceBusMessageBus;
import io.integrationhub.bus.servicebus.ServiceBusOptions;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link MessageBus} the settings select: the Artemis or the Service Bus adapter. */
public final class MessageBusFactory {
  private static final Logger log = LoggerFactory.getLogger(MessageBusFactory.class);

  private MessageBusFactory() {}

  /**
   * Starts (embedded Artemis) or connects to the selected bus, with the topology file applied.
   *
   * @throws InvalidBusConfigurationException for {@code MESSAGE_BUS=none} or an unreadable topology
   *     file
   * @throws MessageBusException when the bus cannot be started or reached
   */
  public static MessageBus create(MessageBusSettings settings) throws MessageBusException {
    Objects.requireNonNull(settings, "settings");
    if (settings.kind() == MessageBusSettings.Kind.NONE) {
      throw new InvalidBusConfigurationException(
          MessageBusSettings.MESSAGE_BUS + "=none: no message bus is configured");
    }
    Optional<BusTopology> topology = readTopology(settings);
    log.info("Message bus: {}", settings);
    return switch (settings.kind()) {
      case ARTEMIS -> ArtemisMessageBus.start(artemisOptions(settings, topology));
      case SERVICE_BUS -> ServiceBusMessageBus.create(serviceBusOptions(settings, topology));
      case NONE -> throw new IllegalStateException("unreachable");
    };
  }

  /** The Artemis adapter's options for these settings. */
  public static ArtemisOptions artemisOptions(
      MessageBusSettings settings, Optional<BusTopology> topology) {
    return ArtemisOptions.builder()
        .brokerUrl(settings.artemisUrl().orElse(null))
        .dataDirectory(settings.artemisDataDir())
        .acceptorPort(settings.artemisAcceptorPort().orElse(null))
        .topology(topology.orElse(null))
        .maxMessageBytes(settings.maxMessageBytes())
        .build();
  }

  /** The Service Bus adapter's options for these settings. */
  public static ServiceBusOptions serviceBusOptions(
      MessageBusSettings settings, Optional<BusTopology> topology) {
    return ServiceBusOptions.builder()
        .connectionString(settings.serviceBusConnectionString().orElse(null))
        .namespace(settings.serviceBusNamespace().orElse(null))
        .managedIdentityClientId(settings.managedIdentityClientId().orElse(null))
        .topology(topology.orElse(null))
        .maxMessageBytes(settings.maxMessageBytes())
        .build();
  }

  /**
   * Reads {@code MESSAGE_BUS_TOPOLOGY_FILE}, if set.
   *
   * @throws InvalidBusConfigurationException naming the variable when the file is missing or
   *     invalid
   */
  public static Optional<BusTopology> readTopology(MessageBusSettings settings) {
    if (settings.topologyFile().isEmpty()) {
      return Optional.empty();
    }
    Path file = settings.topologyFile().get();
    String variable = MessageBusSettings.MESSAGE_BUS_TOPOLOGY_FILE;
    if (!Files.isRegularFile(file)) {
      throw new InvalidBusConfigurationException(
          variable + " " + file.toAbsolutePath() + " is not a readable file");
    }
    try {
      return Optional.of(EmulatorConfigReader.read(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidBusConfigurationException(
          variable + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
