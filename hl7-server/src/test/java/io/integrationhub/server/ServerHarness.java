package io.integrationhub.server;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import io.integrationhub.config.EnvFile;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.events.EventSink;
import io.integrationhub.events.EventType;
import io.integrationhub.events.JsonLogEventSink;
import io.integrationhub.events.RecordingEventSink;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.hl7.validation.ValidationSettings;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server for tests: an embedded, persistent Artemis broker with the local topology ({@code
 * local/ServiceBusEmulatorConfig.json}), the server built exactly as the Spring bean builds it, on
 * ephemeral ports, with its events recorded in memory (and also written as JSON log lines).
 *
 * <p>Defaults are the PHW flow's env file ({@code local/phw-hl7-server.env}); {@link #start(Map)}
 * overrides any variable, e.g. {@code HL7_VALIDATION_FLOW=mpi}.
 */
public final class ServerHarness implements AutoCloseable {

  /** The repository's local topology, from the module directory. */
  public static final Path TOPOLOGY = Path.of("..", "local", "ServiceBusEmulatorConfig.json");

  private final Path dataDirectory;
  private final MessageBus bus;
  private final RecordingEventSink events;
  private final Hl7ServerService service;
  private final ServerSettings settings;
  private final DeliveryHealth busHealth;

  private ServerHarness(
      Path dataDirectory,
      MessageBus bus,
      RecordingEventSink events,
      Hl7ServerService service,
      ServerSettings settings,
      DeliveryHealth busHealth) {
    this.dataDirectory = dataDirectory;
    this.bus = bus;
    this.events = events;
    this.service = service;
    this.settings = settings;
    this.busHealth = busHealth;
  }

  /** The local env file of a flow, as a map (comments and blank lines skipped). */
  public static Map<String, String> envFile(String flow) {
    return new HashMap<>(EnvFile.local(flow + "-hl7-server.env"));
  }

  /** A PHW server with these overrides. */
  public static ServerHarness start(Map<String, String> overrides) {
    Map<String, String> env = envFile("phw");
    env.putAll(overrides);
    return startWith(env);
  }

  /** A server configured by the local env file of {@code flow}, with overrides. */
  public static ServerHarness startFlow(String flow, Map<String, String> overrides) {
    Map<String, String> env = envFile(flow);
    env.putAll(overrides);
    return startWith(env);
  }

  private static ServerHarness startWith(Map<String, String> env) {
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_PORT", "0");
    Path data;
    MessageBus bus;
    try {
      data = Files.createTempDirectory("hl7-server-test");
      bus =
          ArtemisMessageBus.start(
              ArtemisOptions.builder()
                  .dataDirectory(data)
                  .topology(EmulatorConfigReader.read(TOPOLOGY))
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
    RecordingEventSink recording = new RecordingEventSink();
    EventLoggerSettings eventSettings = EventLoggerSettings.from(env);
    EventLogger logger =
        new EventLogger(
            eventSettings,
            List.<EventSink>of(new JsonLogEventSink(), recording),
            Clock.systemUTC());
    ServerSettings settings = ServerSettings.from(env::get);
    DeliveryHealth busHealth = new DeliveryHealth();
    Hl7ServerService service;
    try {
      service =
          ServerConfiguration.create(
              settings, ValidationSettings.from(env), bus, logger, busHealth);
    } catch (MessageBusException e) {
      bus.close();
      throw new IllegalStateException(e);
    }
    service.start();
    return new ServerHarness(data, bus, recording, service, settings, busHealth);
  }

  public int port() {
    return service.port();
  }

  public int healthCheckPort() {
    return service.healthCheckPort();
  }

  public ServerSettings settings() {
    return settings;
  }

  public MessageBus bus() {
    return bus;
  }

  public DeliveryHealth busHealth() {
    return busHealth;
  }

  public Hl7ServerService service() {
    return service;
  }

  /** Every event so far. */
  public List<Event> events() {
    return events.events();
  }

  /** The events of one type so far. */
  public List<Event> events(EventType type) {
    return events.ofType(type);
  }

  /** A raw MLLP connection to the server. */
  public RawMllpClient connect() throws IOException {
    return RawMllpClient.connect("127.0.0.1", port());
  }

  /** Sends one framed message on a new connection; the reply, or empty when none came. */
  public Optional<String> send(String message) throws IOException {
    try (RawMllpClient client = connect()) {
      client.sendFrame(message);
      try {
        return Optional.ofNullable(client.readFrame(Duration.ofSeconds(5)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Takes (and completes) up to {@code max} messages from the egress queue's session, waiting up to
   * 5 s for the first.
   */
  public List<ReceivedMessage> drainEgress(int max) throws MessageBusException {
    Source source =
        settings.egress().topic()
            ? Source.subscription(settings.egress().name(), "mpihl7input-test-subscription")
            : Source.queue(settings.egress().name());
    return drain(source, Optional.of(settings.egressSessionId()), max);
  }

  /** Takes (and completes) up to {@code max} messages of a source. */
  public List<ReceivedMessage> drain(Source source, Optional<String> session, int max)
      throws MessageBusException {
    List<ReceivedMessage> all = new ArrayList<>();
    try (SessionReceiver receiver = bus.receiver(source, session)) {
      while (all.size() < max) {
        List<ReceivedMessage> batch =
            receiver.receive(max - all.size(), Duration.ofMillis(all.isEmpty() ? 5000 : 500));
        if (batch.isEmpty()) {
          break;
        }
        receiver.completeAll(batch);
        all.addAll(batch);
      }
    }
    return all;
  }

  @Override
  public void close() {
    service.stop();
    bus.close();
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  /** Like {@link #drainEgress(int)} but waits only {@code firstWait} for the first message. */
  public List<ReceivedMessage> drainEgress(int max, Duration firstWait) throws MessageBusException {
    Source source =
        settings.egress().topic()
            ? Source.subscription(settings.egress().name(), "mpihl7input-test-subscription")
            : Source.queue(settings.egress().name());
    return drain(source, Optional.of(settings.egressSessionId()), max, firstWait);
  }

  /** Like {@link #drain(Source, Optional, int)} but waits only {@code firstWait} for the first. */
  public List<ReceivedMessage> drain(
      Source source, Optional<String> session, int max, Duration firstWait)
      throws MessageBusException {
    List<ReceivedMessage> all = new ArrayList<>();
    try (SessionReceiver receiver = bus.receiver(source, session)) {
      while (all.size() < max) {
        List<ReceivedMessage> batch =
            receiver.receive(max - all.size(), all.isEmpty() ? firstWait : Duration.ofMillis(500));
        if (batch.isEmpty()) {
          break;
        }
        receiver.completeAll(batch);
        all.addAll(batch);
      }
    }
    return all;
  }

  /**
   * A broker restart: closes this harness's broker (its data directory is kept) and starts a new
   * embedded broker with the local topology on the same directory. The caller closes the returned
   * bus before this harness is closed; the server's publishers stay bound to the closed broker.
   */
  public MessageBus restartBroker() throws MessageBusException, IOException {
    bus.close();
    return ArtemisMessageBus.start(
        ArtemisOptions.builder()
            .dataDirectory(dataDirectory)
            .topology(EmulatorConfigReader.read(TOPOLOGY))
            .build());
  }
}
