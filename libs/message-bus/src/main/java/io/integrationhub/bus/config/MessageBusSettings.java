package io.integrationhub.bus.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which bus a service uses and how to reach it, read from environment variables (or Spring
 * properties of the same names). Blank values count as absent everywhere. Defaults live here.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code MESSAGE_BUS}</td><td>servicebus if a Service Bus variable is set, else
 *       artemis</td><td>{@code artemis}, {@code servicebus} or {@code none}</td></tr>
 *   <tr><td>{@code SERVICE_BUS_CONNECTION_STRING}</td><td>-</td><td>SAS connection string;
 *       wins over the namespace</td></tr>
 *   <tr><td>{@code SERVICE_BUS_NAMESPACE}</td><td>-</td><td>namespace for Entra ID</td></tr>
 *   <tr><td>{@code SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID}</td><td>-</td><td>user-assigned
 *       managed identity (Entra ID only)</td></tr>
 *   <tr><td>{@code ARTEMIS_URL}</td><td>- (embedded)</td><td>remote broker URL</td></tr>
 *   <tr><td>{@code ARTEMIS_DATA_DIR}</td><td>{@code ./data/artemis}</td><td>embedded broker's
 *       journal</td></tr>
 *   <tr><td>{@code ARTEMIS_ACCEPTOR_PORT}</td><td>- (in-VM only)</td><td>embedded broker's TCP
 *       port on 127.0.0.1</td></tr>
 *   <tr><td>{@code MESSAGE_BUS_TOPOLOGY_FILE}</td><td>-</td><td>entities, in the Service Bus
 *       emulator's config format</td></tr>
 *   <tr><td>{@code MESSAGE_BUS_MAX_MESSAGE_BYTES}</td><td>104857600</td><td>largest body
 *       accepted by publishers</td></tr>
 * </table>
 *
 * @param kind the selected bus
 * @param serviceBusConnectionString SAS connection string (never logged)
 * @param serviceBusNamespace Service Bus namespace for Entra ID authentication
 * @param managedIdentityClientId client id of a user-assigned managed identity
 * @param artemisUrl a remote Artemis broker; empty = embedded broker
 * @param artemisDataDir the embedded broker's data directory
 * @param artemisAcceptorPort the embedded broker's TCP port, empty = in-VM only
 * @param topologyFile the entities to create or check, empty = none
 * @param maxMessageBytes the largest message body (UTF-8 bytes) a publisher accepts
 */
public record MessageBusSettings(
    Kind kind,
    Optional<String> serviceBusConnectionString,
    Optional<String> serviceBusNamespace,
    Optional<String> managedIdentityClientId,
    Optional<String> artemisUrl,
    Path artemisDataDir,
    Optional<Integer> artemisAcceptorPort,
    Optional<Path> topologyFile,
    int maxMessageBytes) {

  public static final String MESSAGE_BUS = "MESSAGE_BUS";
  public static final String SERVICE_BUS_CONNECTION_STRING = "SERVICE_BUS_CONNECTION_STRING";
  public static final String SERVICE_BUS_NAMESPACE = "SERVICE_BUS_NAMESPACE";
  public static final String SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID =
      "SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID";
  public static final String ARTEMIS_URL = "ARTEMIS_URL";
  public static final String ARTEMIS_DATA_DIR = "ARTEMIS_DATA_DIR";
  public static final String ARTEMIS_ACCEPTOR_PORT = "ARTEMIS_ACCEPTOR_PORT";
  public static final String MESSAGE_BUS_TOPOLOGY_FILE = "MESSAGE_BUS_TOPOLOGY_FILE";
  public static final String MESSAGE_BUS_MAX_MESSAGE_BYTES = "MESSAGE_BUS_MAX_MESSAGE_BYTES";

  /** {@code ./data/artemis}, relative to the working directory. */
  public static final Path DEFAULT_ARTEMIS_DATA_DIR = Path.of("data", "artemis");

  /** 100 MiB: the largest message Service Bus Premium accepts, as the reference enforces. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 104_857_600;

  /** The buses {@code MESSAGE_BUS} can name. */
  public enum Kind {
    /** Apache ActiveMQ Artemis: embedded (default) or remote ({@code ARTEMIS_URL}). */
    ARTEMIS("artemis"),
    /** Azure Service Bus (or its emulator). */
    SERVICE_BUS("servicebus"),
    /** No bus: the Spring auto-configuration creates no {@code MessageBus} bean. */
    NONE("none");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    /** The {@code MESSAGE_BUS} value, also {@code MessageBus.kind()} of the adapter. */
    public String value() {
      return value;
    }

    /** Parses a {@code MESSAGE_BUS} value, case-insensitive. */
    public static Kind parse(String text) {
      String wanted = text.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(kind -> kind.value.equals(wanted))
          .findFirst()
          .orElseThrow(
              () ->
                  new InvalidBusConfigurationException(
                      MESSAGE_BUS
                          + " must be one of artemis, servicebus, none; was '"
                          + text.trim()
                          + "'"));
    }
  }

  /** Checks the combination. */
  public MessageBusSettings {
    Objects.requireNonNull(kind, "kind");
    serviceBusConnectionString = nonBlank(serviceBusConnectionString);
    serviceBusNamespace = nonBlank(serviceBusNamespace);
    managedIdentityClientId = nonBlank(managedIdentityClientId);
    artemisUrl = nonBlank(artemisUrl);
    Objects.requireNonNull(artemisDataDir, "artemisDataDir");
    Objects.requireNonNull(artemisAcceptorPort, "artemisAcceptorPort");
    Objects.requireNonNull(topologyFile, "topologyFile");
    if (kind == Kind.SERVICE_BUS
        && serviceBusConnectionString.isEmpty()
        && serviceBusNamespace.isEmpty()) {
      throw new InvalidBusConfigurationException(
          MESSAGE_BUS
              + "=servicebus: one of "
              + SERVICE_BUS_CONNECTION_STRING
              + " / "
              + SERVICE_BUS_NAMESPACE
              + " is required");
    }
    artemisAcceptorPort.ifPresent(
        port -> {
          if (port < 0 || port > 65_535) {
            throw new InvalidBusConfigurationException(
                ARTEMIS_ACCEPTOR_PORT + " must be between 0 and 65535, was " + port);
          }
        });
    if (maxMessageBytes < 1 || maxMessageBytes > DEFAULT_MAX_MESSAGE_BYTES) {
      throw new InvalidBusConfigurationException(
          MESSAGE_BUS_MAX_MESSAGE_BYTES
              + " must be between 1 and "
              + DEFAULT_MAX_MESSAGE_BYTES
              + ", was "
              + maxMessageBytes);
    }
  }

  /**
   * Reads the settings from a variable lookup such as {@code System::getenv} or Spring's {@code
   * Environment::getProperty}.
   *
   * @throws InvalidBusConfigurationException naming the variable that is wrong
   */
  public static MessageBusSettings from(Function<String, String> env) {
    Optional<String> connectionString = text(env, SERVICE_BUS_CONNECTION_STRING);
    Optional<String> namespace = text(env, SERVICE_BUS_NAMESPACE);
    Kind kind =
        text(env, MESSAGE_BUS)
            .map(Kind::parse)
            .orElse(
                connectionString.isPresent() || namespace.isPresent()
                    ? Kind.SERVICE_BUS
                    : Kind.ARTEMIS);
    return new MessageBusSettings(
        kind,
        connectionString,
        namespace,
        text(env, SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID),
        text(env, ARTEMIS_URL),
        text(env, ARTEMIS_DATA_DIR)
            .map(value -> path(ARTEMIS_DATA_DIR, value))
            .orElse(DEFAULT_ARTEMIS_DATA_DIR),
        text(env, ARTEMIS_ACCEPTOR_PORT).map(value -> integer(ARTEMIS_ACCEPTOR_PORT, value)),
        text(env, MESSAGE_BUS_TOPOLOGY_FILE).map(value -> path(MESSAGE_BUS_TOPOLOGY_FILE, value)),
        text(env, MESSAGE_BUS_MAX_MESSAGE_BYTES)
            .map(value -> integer(MESSAGE_BUS_MAX_MESSAGE_BYTES, value))
            .orElse(DEFAULT_MAX_MESSAGE_BYTES));
  }

  /** Never prints the connection string: it holds the SAS key. */
  @Override
  public String toString() {
    return "MessageBusSettings[kind="
        + kind.value()
        + ", serviceBusConnectionString="
        + serviceBusConnectionString.map(s -> "<redacted>").orElse("none")
        + ", serviceBusNamespace="
        + serviceBusNamespace.orElse("none")
        + ", managedIdentityClientId="
        + managedIdentityClientId.orElse("none")
        + ", artemisUrl="
        + artemisUrl.orElse("embedded")
        + ", artemisDataDir="
        + artemisDataDir
        + ", artemisAcceptorPort="
        + artemisAcceptorPort.map(String::valueOf).orElse("none")
        + ", topologyFile="
        + topologyFile.map(Path::toString).orElse("none")
        + ", maxMessageBytes="
        + maxMessageBytes
        + "]";
  }

  private static Optional<String> text(Function<String, String> env, String name) {
    return nonBlank(Optional.ofNullable(env.apply(name)));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    Objects.requireNonNull(value, "value");
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidBusConfigurationException(
          name + " must be a whole number, was '" + value + "'", e);
    }
  }

  private static Path path(String name, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new InvalidBusConfigurationException(name + " is not a valid path: '" + value + "'", e);
    }
  }
}
