package io.integrationhub.bus.artemis;

import io.integrationhub.bus.topology.BusTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ArtemisMessageBus#start(ArtemisOptions)} reaches or runs its broker.
 *
 * @param brokerUrl a remote broker ({@code tcp://localhost:61616}); empty = run an embedded broker
 * @param dataDirectory the embedded broker's journal, bindings, paging and large-message folders
 * @param acceptorPort embedded only: also listen on {@code 127.0.0.1:port} so other processes can
 *     connect; empty = in-VM only
 * @param topology entities to create (embedded) or create/check (remote) at start
 * @param journalBufferTimeout embedded only: how long the journal gathers writes before one sync;
 *     Artemis' default (~3.3 ms) caps a synchronous durable sender near 280 msg/s
 * @param maxMessageBytes the largest body (UTF-8 bytes) a publisher accepts; larger bodies fail
 *     with {@link io.integrationhub.bus.MessageTooLargeException} before anything is sent
 * @param persistent embedded only: keep messages in the journal (false = memory only, for tests
 *     that do not need durability)
 * @param receiveWindowBytes bytes of messages a receiver may hold ahead of {@code receive} (Artemis
 *     consumer window; 0 = none, one round trip per message). Messages prefetched but never handed
 *     out go back with their delivery count unchanged when the receiver abandons or closes
 */
public record ArtemisOptions(
    Optional<String> brokerUrl,
    Path dataDirectory,
    Optional<Integer> acceptorPort,
    Optional<BusTopology> topology,
    Duration journalBufferTimeout,
    int maxMessageBytes,
    boolean persistent,
    int receiveWindowBytes) {

  /** The embedded broker's default data directory. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "artemis");

  /** 100 µs: many concurrent sends still share one sync, a lone sender is not held back. */
  public static final Duration DEFAULT_JOURNAL_BUFFER_TIMEOUT = Duration.ofNanos(100_000);

  /** 100 MiB, the Service Bus Premium limit the reference enforces. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 104_857_600;

  /** 64 KiB: about 40 messages of 1.5 KB. */
  public static final int DEFAULT_RECEIVE_WINDOW_BYTES = 64 * 1024;

  public ArtemisOptions {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(acceptorPort, "acceptorPort");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(journalBufferTimeout, "journalBufferTimeout");
    brokerUrl = brokerUrl.filter(url -> !url.isBlank());
    acceptorPort.ifPresent(
        port -> {
          if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("acceptorPort must be 0-65535, got " + port);
          }
        });
    if (journalBufferTimeout.isNegative()
        || journalBufferTimeout.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("journalBufferTimeout must be between 0 and 1 s");
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    if (receiveWindowBytes < 0) {
      throw new IllegalArgumentException("receiveWindowBytes must not be negative");
    }
  }

  /** Embedded, persistent, in-VM only, defaults everywhere. */
  public static ArtemisOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the bus runs its own broker in this process. */
  public boolean embedded() {
    return brokerUrl.isEmpty();
  }

  /** Builds {@link ArtemisOptions}. */
  public static final class Builder {
    private String brokerUrl;
    private Path dataDirectory = DEFAULT_DATA_DIRECTORY;
    private Integer acceptorPort;
    private BusTopology topology;
    private Duration journalBufferTimeout = DEFAULT_JOURNAL_BUFFER_TIMEOUT;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private boolean persistent = true;
    private int receiveWindowBytes = DEFAULT_RECEIVE_WINDOW_BYTES;

    private Builder() {}

    /** A remote broker URL; null or blank = embedded. */
    public Builder brokerUrl(String url) {
      this.brokerUrl = url;
      return this;
    }

    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    /** Also listen on {@code 127.0.0.1:port}; null = in-VM only. */
    public Builder acceptorPort(Integer port) {
      this.acceptorPort = port;
      return this;
    }

    public Builder topology(BusTopology topology) {
      this.topology = topology;
      return this;
    }

    public Builder journalBufferTimeout(Duration timeout) {
      this.journalBufferTimeout = timeout;
      return this;
    }

    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    public Builder persistent(boolean persistent) {
      this.persistent = persistent;
      return this;
    }

    public Builder receiveWindowBytes(int bytes) {
      this.receiveWindowBytes = bytes;
      return this;
    }

    public ArtemisOptions build() {
      return new ArtemisOptions(
          Optional.ofNullable(brokerUrl),
          dataDirectory,
          Optional.ofNullable(acceptorPort),
          Optional.ofNullable(topology),
          journalBufferTimeout,
          maxMessageBytes,
          persistent,
          receiveWindowBytes);
    }
  }
}
