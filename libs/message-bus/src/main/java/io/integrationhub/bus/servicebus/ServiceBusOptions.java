package io.integrationhub.bus.servicebus;

import com.azure.core.amqp.AmqpRetryMode;
import com.azure.core.amqp.AmqpRetryOptions;
import io.integrationhub.bus.topology.BusTopology;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Azure Service Bus, mirroring the reference hub's environment variables.
 *
 * <p>Authentication (reference rule, {@code message-bus.md} §1): a non-blank {@code
 * SERVICE_BUS_CONNECTION_STRING} wins (SAS, including the emulator's {@code
 * ...;UseDevelopmentEmulator=true;} form); otherwise {@code SERVICE_BUS_NAMESPACE} with Entra ID
 * ({@code <ns>} means {@code <ns>.servicebus.windows.net}, a value with a dot is used as the fully
 * qualified name) through a {@code ManagedIdentityCredential} for {@code managedIdentityClientId}
 * when set, else a {@code DefaultAzureCredential}.
 *
 * @param connectionString SAS connection string; blank counts as absent
 * @param namespace namespace name or fully qualified namespace; blank counts as absent
 * @param managedIdentityClientId client id of a user-assigned managed identity (Entra ID only)
 * @param topology which entities need sessions and their lock durations (Service Bus itself stays
 *     the source of truth)
 * @param maxMessageBytes largest UTF-8 body accepted before sending (default 100 MiB, the Premium
 *     tier's limit; the namespace's own link limit is enforced by the SDK as well)
 * @param retryOptions the SDK's AMQP retry policy (a copy is kept and handed out)
 * @param maxAutoLockRenewDuration how long the SDK keeps renewing a session or message lock on its
 *     own, as a safety net behind {@code SessionReceiver.renewLock()} (zero disables it)
 * @param createMissingEntities create queues, topics and subscriptions that {@code applyTopology}
 *     finds missing (needs Manage rights; default off: report only)
 */
public record ServiceBusOptions(
    Optional<String> connectionString,
    Optional<String> namespace,
    Optional<String> managedIdentityClientId,
    Optional<BusTopology> topology,
    int maxMessageBytes,
    AmqpRetryOptions retryOptions,
    Duration maxAutoLockRenewDuration,
    boolean createMissingEntities) {

  /** SAS connection string (the reference's variable). */
  public static final String ENV_CONNECTION_STRING = "SERVICE_BUS_CONNECTION_STRING";

  /** Namespace for Entra ID authentication (the reference's variable). */
  public static final String ENV_NAMESPACE = "SERVICE_BUS_NAMESPACE";

  /**
   * Optional, Java only: client id of a user-assigned managed identity. Without it a {@code
   * DefaultAzureCredential} is used, which itself honours {@code AZURE_CLIENT_ID}.
   */
  public static final String ENV_MANAGED_IDENTITY_CLIENT_ID =
      "SERVICE_BUS_MANAGED_IDENTITY_CLIENT_ID";

  /** 100 MiB: the largest message Service Bus Premium accepts. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 104_857_600;

  /** The SDK's own default; a safety net only, {@code renewLock()} renews beyond it. */
  public static final Duration DEFAULT_MAX_AUTO_LOCK_RENEW = Duration.ofMinutes(5);

  static final String DOMAIN_SUFFIX = ".servicebus.windows.net";

  public ServiceBusOptions {
    connectionString = nonBlank(connectionString, "connectionString");
    namespace = nonBlank(namespace, "namespace");
    managedIdentityClientId = nonBlank(managedIdentityClientId, "managedIdentityClientId");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(retryOptions, "retryOptions");
    Objects.requireNonNull(maxAutoLockRenewDuration, "maxAutoLockRenewDuration");
    if (connectionString.isEmpty() && namespace.isEmpty()) {
      throw new IllegalArgumentException(
          "one of " + ENV_CONNECTION_STRING + " / " + ENV_NAMESPACE + " is required");
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    if (maxAutoLockRenewDuration.isNegative()) {
      throw new IllegalArgumentException("maxAutoLockRenewDuration must not be negative");
    }
    retryOptions = new AmqpRetryOptions(retryOptions);
  }

  /** The retry policy (a copy: the SDK type is mutable). */
  @Override
  public AmqpRetryOptions retryOptions() {
    return new AmqpRetryOptions(retryOptions);
  }

  /**
   * Exponential, 3 retries after the first attempt, 0.5 s doubling up to 5 s, 30 s per attempt.
   * Every failure still reaches the caller once the retries are spent.
   */
  public static AmqpRetryOptions defaultRetryOptions() {
    return new AmqpRetryOptions()
        .setMode(AmqpRetryMode.EXPONENTIAL)
        .setMaxRetries(3)
        .setDelay(Duration.ofMillis(500))
        .setMaxDelay(Duration.ofSeconds(5))
        .setTryTimeout(Duration.ofSeconds(30));
  }

  /** The authentication mode the options select (connection string wins). */
  public Authentication authentication() {
    if (connectionString.isPresent()) {
      return new Authentication.ConnectionString(connectionString.get());
    }
    return new Authentication.EntraId(
        fullyQualifiedNamespace(namespace.orElseThrow()), managedIdentityClientId);
  }

  /** {@code <ns>} becomes {@code <ns>.servicebus.windows.net}; a name with a dot is kept. */
  static String fullyQualifiedNamespace(String namespace) {
    String value = namespace.trim();
    if (value.regionMatches(true, 0, "sb://", 0, 5)) {
      value = value.substring(5);
    }
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(ENV_NAMESPACE + " has no namespace name");
    }
    return value.contains(".") ? value : value + DOMAIN_SUFFIX;
  }

  /**
   * Reads {@value #ENV_CONNECTION_STRING}, {@value #ENV_NAMESPACE} and {@value
   * #ENV_MANAGED_IDENTITY_CLIENT_ID}; everything else takes its default.
   */
  public static ServiceBusOptions fromEnvironment(Map<String, String> env) {
    return builder()
        .connectionString(env.get(ENV_CONNECTION_STRING))
        .namespace(env.get(ENV_NAMESPACE))
        .managedIdentityClientId(env.get(ENV_MANAGED_IDENTITY_CLIENT_ID))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Never prints the connection string (it holds the SAS key). */
  @Override
  public String toString() {
    return "ServiceBusOptions[authentication="
        + authentication()
        + ", topology="
        + topology.map(BusTopology::namespace).orElse("none")
        + ", maxMessageBytes="
        + maxMessageBytes
        + ", retry="
        + retryOptions.getMode()
        + "/"
        + retryOptions.getMaxRetries()
        + " retries/"
        + retryOptions.getTryTimeout()
        + " per try, maxAutoLockRenewDuration="
        + maxAutoLockRenewDuration
        + ", createMissingEntities="
        + createMissingEntities
        + "]";
  }

  private static Optional<String> nonBlank(Optional<String> value, String name) {
    Objects.requireNonNull(value, name);
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }

  /** How the client authenticates. */
  public sealed interface Authentication {

    /** SAS connection string (also the emulator's). */
    record ConnectionString(String value) implements Authentication {
      public ConnectionString {
        Objects.requireNonNull(value, "value");
      }

      /** {@code UseDevelopmentEmulator=true}: the local emulator, which has no management API. */
      public boolean emulator() {
        for (String part : value.split(";")) {
          int equals = part.indexOf('=');
          if (equals > 0
              && part.substring(0, equals).trim().equalsIgnoreCase("UseDevelopmentEmulator")
              && part.substring(equals + 1).trim().toLowerCase(Locale.ROOT).equals("true")) {
            return true;
          }
        }
        return false;
      }

      @Override
      public String toString() {
        return "ConnectionString[emulator=" + emulator() + ", value=<redacted>]";
      }
    }

    /** Entra ID token credential for a fully qualified namespace. */
    record EntraId(String fullyQualifiedNamespace, Optional<String> managedIdentityClientId)
        implements Authentication {
      public EntraId {
        Objects.requireNonNull(fullyQualifiedNamespace, "fullyQualifiedNamespace");
        Objects.requireNonNull(managedIdentityClientId, "managedIdentityClientId");
      }
    }
  }

  /** Builds {@link ServiceBusOptions}; {@code null} or blank strings count as absent. */
  public static final class Builder {
    private String connectionString;
    private String namespace;
    private String managedIdentityClientId;
    private BusTopology topology;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private AmqpRetryOptions retryOptions = defaultRetryOptions();
    private Duration maxAutoLockRenewDuration = DEFAULT_MAX_AUTO_LOCK_RENEW;
    private boolean createMissingEntities;

    private Builder() {}

    public Builder connectionString(String value) {
      this.connectionString = value;
      return this;
    }

    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    public Builder managedIdentityClientId(String value) {
      this.managedIdentityClientId = value;
      return this;
    }

    public Builder topology(BusTopology value) {
      this.topology = value;
      return this;
    }

    public Builder maxMessageBytes(int value) {
      this.maxMessageBytes = value;
      return this;
    }

    public Builder retryOptions(AmqpRetryOptions value) {
      this.retryOptions = Objects.requireNonNull(value, "retryOptions");
      return this;
    }

    public Builder maxAutoLockRenewDuration(Duration value) {
      this.maxAutoLockRenewDuration = Objects.requireNonNull(value, "maxAutoLockRenewDuration");
      return this;
    }

    public Builder createMissingEntities(boolean value) {
      this.createMissingEntities = value;
      return this;
    }

    public ServiceBusOptions build() {
      return new ServiceBusOptions(
          Optional.ofNullable(connectionString),
          Optional.ofNullable(namespace),
          Optional.ofNullable(managedIdentityClientId),
          Optional.ofNullable(topology),
          maxMessageBytes,
          retryOptions,
          maxAutoLockRenewDuration,
          createMissingEntities);
    }
  }
}
