package io.integrationhub.transform.service;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.artemis.DeadLetteredMessage;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import io.integrationhub.config.EnvFile;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.events.EventSink;
import io.integrationhub.events.EventType;
import io.integrationhub.events.JsonLogEventSink;
import io.integrationhub.events.RecordingEventSink;
import io.integrationhub.transform.FlowTransformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real transformer service for tests: an embedded, persistent Artemis broker in a temporary
 * directory with the local topology ({@code local/ServiceBusEmulatorConfig.json}, found by
 * searching upward from the working directory), a {@link TransformerService} built for a {@link
 * FlowTransformer} exactly as the Spring bean builds it, and its events recorded in memory (and
 * also written as JSON log lines).
 *
 * <p>Settings default to the flow's env file ({@code local/<flow>-hl7-transformer.env}); the
 * overrides win; {@code HEALTH_CHECK_PORT} is always 0 (ephemeral).
 */
public final class TransformerHarness implements AutoCloseable {

  private final Path dataDirectory;
  private final ArtemisMessageBus bus;
  private final RecordingEventSink events;
  private final TransformerService service;
  private final TransformerSettings settings;

  private TransformerHarness(
      Path dataDirectory,
      ArtemisMessageBus bus,
      RecordingEventSink events,
      TransformerService service,
      TransformerSettings settings) {
    this.dataDirectory = dataDirectory;
    this.bus = bus;
    this.events = events;
    this.service = service;
    this.settings = settings;
  }

  /** The repository's {@code local} directory, searched upward from the working directory. */
  public static Path localDirectory() {
    return EnvFile.localDirectory();
  }

  /** The local topology file. */
  public static Path topologyFile() {
    return localDirectory().resolve("ServiceBusEmulatorConfig.json");
  }

  /** The local env file of a transformer flow ({@code phw}, {@code chemo}, {@code pims}). */
  public static Map<String, String> envFile(String flow) {
    return new HashMap<>(EnvFile.local(flow + "-hl7-transformer.env"));
  }

  /** Starts a service for {@code transformer} configured by the env file of {@code flow}. */
  public static TransformerHarness start(
      FlowTransformer transformer, String flow, Map<String, String> overrides) {
    Map<String, String> env = envFile(flow);
    env.putAll(overrides);
    env.put("HEALTH_CHECK_PORT", "0");
    return startWith(transformer, env);
  }

  private static TransformerHarness startWith(
      FlowTransformer transformer, Map<String, String> env) {
    Path data;
    ArtemisMessageBus bus;
    try {
      data = Files.createTempDirectory("transformer-test");
      bus =
          ArtemisMessageBus.start(
              ArtemisOptions.builder()
                  .dataDirectory(data)
                  .topology(EmulatorConfigReader.read(topologyFile()))
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
    RecordingEventSink recording = new RecordingEventSink();
    EventLogger logger =
        new EventLogger(
            EventLoggerSettings.from(env),
            List.<EventSink>of(new JsonLogEventSink(), recording),
            Clock.systemUTC());
    TransformerSettings settings = TransformerSettings.from(env::get);
    TransformerService service;
    try {
      service = new TransformerService(transformer, settings, bus, logger);
    } catch (MessageBusException e) {
      bus.close();
      throw new IllegalStateException(e);
    }
    service.start();
    return new TransformerHarness(data, bus, recording, service, settings);
  }

  public ArtemisMessageBus bus() {
    return bus;
  }

  public TransformerSettings settings() {
    return settings;
  }

  public TransformerService service() {
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

  /** Publishes bodies to the ingress queue on its session, each with its properties, in order. */
  public void publish(List<String> bodies, List<Map<String, String>> properties)
      throws MessageBusException {
    if (bodies.size() != properties.size()) {
      throw new IllegalArgumentException("One property map per body");
    }
    try (MessagePublisher publisher = bus.publisher(Destination.queue(settings.ingressQueue()))) {
      List<OutboundMessage> chunk = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        chunk.add(
            OutboundMessage.builder(bodies.get(i))
                .sessionId(settings.ingressSessionId().orElse(null))
                .properties(properties.get(i))
                .build());
        if (chunk.size() == 100) {
          publisher.publishBatch(chunk);
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        publisher.publishBatch(chunk);
      }
    }
  }

  /** Hub-like application properties for message {@code index}. */
  public static Map<String, String> properties(String workflowId, int index) {
    return Map.of(
        "CorrelationId",
        "corr-" + index,
        "WorkflowID",
        workflowId,
        "SourceSystem",
        "TEST",
        "MessageReceivedAt",
        "2030-01-01T00:00:00Z");
  }

  /**
   * Takes (and completes) messages of the egress queue's session until {@code count} arrived or
   * {@code timeout} passed.
   */
  public List<ReceivedMessage> drainEgress(int count, Duration timeout) throws MessageBusException {
    return drain(Source.queue(settings.egressQueue()), settings.egressSessionId(), count, timeout);
  }

  /** Takes (and completes) messages of a source until {@code count} arrived or time ran out. */
  public List<ReceivedMessage> drain(
      Source source, Optional<String> session, int count, Duration timeout)
      throws MessageBusException {
    List<ReceivedMessage> all = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SessionReceiver receiver = bus.receiver(source, session)) {
      while (all.size() < count && System.nanoTime() < deadline) {
        List<ReceivedMessage> batch =
            receiver.receive(Math.min(100, count - all.size()), Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          receiver.completeAll(batch);
          all.addAll(batch);
        }
      }
    }
    return all;
  }

  /** The ingress queue's dead-letter queue (read, not removed). */
  public List<DeadLetteredMessage> deadLetters() throws MessageBusException {
    return bus.deadLetters(Source.queue(settings.ingressQueue()));
  }

  @Override
  public void close() {
    service.stop();
    bus.close();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
