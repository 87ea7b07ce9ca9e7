package io.integrationhub.sender;

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
import io.integrationhub.bus.processing.ProcessorOptions;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.function.UnaryOperator;

/**
 * A real sender for tests: an embedded, persistent Artemis broker with the local topology, a {@link
 * SenderService} configured by {@code local/mpi-hl7-sender.env} (or another env file) plus
 * overrides, its events recorded in memory, its metrics in a simple registry. Back-off is shortened
 * (50 ms doubling to 400 ms) so retries happen within a test.
 */
final class SenderHarness implements AutoCloseable {

  static final String INGRESS = "local-inthub-mpi-sender-ingress";
  static final String STORE = "local-inthub-messagestore";

  private final Path dataDirectory;
  private final ArtemisMessageBus bus;
  private final RecordingEventSink events = new RecordingEventSink();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeliveryHealth receiverHealth = new DeliveryHealth();
  private final SenderSettings settings;
  private final SenderService service;
  private boolean stopped;

  private SenderHarness(Map<String, String> env, UnaryOperator<ProcessorOptions.Builder> tuning) {
    try {
      dataDirectory = Files.createTempDirectory("sender-test");
      bus =
          ArtemisMessageBus.start(
              ArtemisOptions.builder()
                  .dataDirectory(dataDirectory)
                  .topology(EmulatorConfigReader.read(localDirectory().resolve(TOPOLOGY)))
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
    settings = SenderSettings.from(env::get);
    EventLogger logger =
        new EventLogger(
            EventLoggerSettings.from(env),
            List.<EventSink>of(new JsonLogEventSink(), events),
            Clock.systemUTC());
    ProcessorOptions options =
        tuning
            .apply(
                SenderService.processorOptions(settings)
                    .initialRetryDelay(Duration.ofMillis(50))
                    .maxRetryDelay(Duration.ofMillis(400))
                    .receiveWait(Duration.ofMillis(500))
                    .stopTimeout(Duration.ofSeconds(5)))
            .build();
    try {
      service =
          new SenderService(
              settings,
              bus,
              logger,
              new SenderMetrics(registry, settings),
              receiverHealth,
              options);
    } catch (MessageBusException e) {
      bus.close();
      throw new IllegalStateException(e);
    }
  }

  private static final String TOPOLOGY = "ServiceBusEmulatorConfig.json";

  /** A started sender configured by {@code local/mpi-hl7-sender.env} with the overrides. */
  static SenderHarness start(Map<String, String> overrides) {
    return start("mpi-hl7-sender.env", overrides, UnaryOperator.identity());
  }

  /** A started sender configured by {@code local/<envFile>} with the overrides and tuning. */
  static SenderHarness start(
      String envFile,
      Map<String, String> overrides,
      UnaryOperator<ProcessorOptions.Builder> tuning) {
    Map<String, String> env = envFile(envFile);
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("MAX_MESSAGES_PER_MINUTE", "");
    env.putAll(overrides);
    SenderHarness harness = new SenderHarness(env, tuning);
    harness.service.start();
    return harness;
  }

  /** The repository's {@code local} directory, searched upward from the working directory. */
  static Path localDirectory() {
    return EnvFile.localDirectory();
  }

  /** The variables of an env file in {@code local/}. */
  static Map<String, String> envFile(String name) {
    return new HashMap<>(EnvFile.local(name));
  }

  SenderSettings settings() {
    return settings;
  }

  SenderService service() {
    return service;
  }

  ArtemisMessageBus bus() {
    return bus;
  }

  SimpleMeterRegistry metrics() {
    return registry;
  }

  DeliveryHealth receiverHealth() {
    return receiverHealth;
  }

  /** Publishes messages to the sender's ingress, in order, with its session and properties. */
  void publish(List<String> bodies, Map<String, String> properties) {
    Destination destination =
        settings.source().isSubscription()
            ? Destination.topic(settings.source().entity())
            : Destination.queue(settings.source().entity());
    try (MessagePublisher publisher = bus.publisher(destination)) {
      for (String body : bodies) {
        publisher.publish(
            OutboundMessage.builder(body)
                .sessionId(settings.sessionId().orElse(null))
                .properties(properties)
                .build());
      }
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
  }

  void publish(String body) {
    publish(List.of(body), Map.of("CorrelationId", "corr-" + body.hashCode()));
  }

  List<Event> events() {
    return events.events();
  }

  List<Event> events(EventType type) {
    return events.ofType(type);
  }

  double counter(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Stops the sender (idempotent); the broker stays up for inspection. */
  void stopSender() {
    if (!stopped) {
      stopped = true;
      service.stop();
    }
  }

  /**
   * Stops the sender and takes every message still on its ingress (completing them).
   *
   * @return the bodies with their delivery counts, in order
   */
  List<ReceivedMessage> drainIngress() {
    stopSender();
    List<ReceivedMessage> drained = new ArrayList<>();
    try (SessionReceiver receiver = bus.receiver(settings.source(), settings.sessionId())) {
      while (true) {
        List<ReceivedMessage> batch = receiver.receive(100, Duration.ofMillis(300));
        if (batch.isEmpty()) {
          return drained;
        }
        for (ReceivedMessage message : batch) {
          message.complete();
          drained.add(message);
        }
      }
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message-store records sent so far (JSON bodies), taken off the store queue. */
  List<String> drainStore() {
    List<String> records = new ArrayList<>();
    try (SessionReceiver receiver = bus.receiver(Source.queue(STORE), Optional.empty())) {
      while (true) {
        List<ReceivedMessage> batch = receiver.receive(100, Duration.ofMillis(300));
        if (batch.isEmpty()) {
          return records;
        }
        for (ReceivedMessage message : batch) {
          message.complete();
          records.add(message.body());
        }
      }
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
  }

  List<DeadLetteredMessage> deadLetters() {
    try {
      return bus.deadLetters(settings.source());
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stopSender();
    bus.close();
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory; leaving it is harmless.
    }
  }
}
