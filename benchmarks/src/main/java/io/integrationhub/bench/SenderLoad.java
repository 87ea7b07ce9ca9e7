package io.integrationhub.bench;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventLoggerSettings;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.mockreceiver.MockReceiverService;
import io.integrationhub.mockreceiver.MockReceiverSettings;
import io.integrationhub.sender.SenderMetrics;
import io.integrationhub.sender.SenderService;
import io.integrationhub.sender.SenderSettings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sender load tool: unthrottled delivery by the hl7-sender to the mock MPI, both in this JVM, with
 * the embedded durable Artemis broker. The sender's ingress queue/session is pre-filled with
 * warm-up + measured messages (each its own MSH-10); the sender is built as in production from its
 * env file (no throttle, the mock's port, the chosen message-store and completion-delay settings)
 * and runs until every message has its AA. Reports msg/s over the measured messages and the
 * sender's own delivery time ({@code delivery_seconds}: handler start to matching AA) percentiles
 * over the same window, plus the process RSS.
 */
public final class SenderLoad {
  private static final int FILL_BATCH = 500;
  private static final DateTimeFormatter RECEIVED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final SenderLoadOptions options;

  SenderLoad(SenderLoadOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    SenderLoadOptions options;
    try {
      options = SenderLoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    configureLogging(options);
    Report report = new SenderLoad(options).run();
    System.out.println(report);
    // Artemis' in-VM connector pool keeps non-daemon threads for a minute after the broker stops.
    System.exit(report.complete() ? 0 : 1);
  }

  /**
   * slf4j-simple settings; effective only before the first logger is created. All logging (the
   * sender's JSON event lines too: they are part of its cost) goes to the log file; the broker, the
   * bus and the mock (whose one INFO line per message is the receiver's cost, not the sender's) log
   * warnings only.
   */
  static void configureLogging(SenderLoadOptions options) {
    options
        .logFile()
        .ifPresent(file -> System.setProperty("org.slf4j.simpleLogger.logFile", file.toString()));
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.integrationhub.bus", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.integrationhub.mockreceiver", "warn");
  }

  /** The figures of one run. */
  record Report(
      SenderLoadOptions options,
      int batchSize,
      long delivered,
      long measured,
      long measuredNanos,
      Histogram latencyMicros,
      double fillPerSecond,
      long rssKib,
      boolean complete) {

    double messagesPerSecond() {
      return measured * 1e9 / measuredNanos;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "Sender load: %s, message store %s, completion delay %d ms, unthrottled, %d per"
              + " receive, message %d bytes, embedded durable Artemis, mock MPI in-process,"
              + " %d cores, JDK %s%n"
              + "delivered: %,d of %,d pre-filled (pre-fill %,.0f msg/s); measured %,d after %,d"
              + " warm-up in %.2f s%s%n"
              + "throughput: %,.0f msg/s%n"
              + "delivery latency, handler start -> matching AA (ms): p50=%.3f p90=%.3f"
              + " p99=%.3f p99.9=%.3f max=%.3f%n"
              + "RSS: %d MiB",
          options.envFile(),
          options.messageStore() ? "on" : "off",
          options.completionDelay().toMillis(),
          batchSize,
          options.message().getBytes(StandardCharsets.UTF_8).length,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version(),
          delivered,
          options.totalMessages(),
          fillPerSecond,
          measured,
          options.warmupMessages(),
          measuredNanos / 1e9,
          complete ? "" : " (INCOMPLETE: timed out)",
          messagesPerSecond(),
          latencyMicros.getValueAtPercentile(50) / 1000.0,
          latencyMicros.getValueAtPercentile(90) / 1000.0,
          latencyMicros.getValueAtPercentile(99) / 1000.0,
          latencyMicros.getValueAtPercentile(99.9) / 1000.0,
          latencyMicros.getMaxValue() / 1000.0,
          rssKib / 1024);
    }
  }

  /** Starts broker, mock and sender, delivers everything, stops them and returns the figures. */
  Report run() throws Exception {
    Path data = options.dataDirectory().orElse(Files.createTempDirectory("sender-load-"));
    Map<String, String> env = senderEnvironment(readEnvFile(options.envFile()));
    SenderSettings settings = SenderSettings.from(env::get);
    try (ArtemisMessageBus bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(data)
                .topology(EmulatorConfigReader.read(options.topologyFile()))
                .build())) {
      double fillPerSecond = fill(bus, settings);
      MockReceiverService mock = MockReceiverService.withoutBus(mockSettings());
      mock.start();
      try {
        env.put("RECEIVER_MLLP_PORT", Integer.toString(mock.mllpPort()));
        return deliver(bus, SenderSettings.from(env::get), env, fillPerSecond);
      } finally {
        mock.stop();
      }
    } finally {
      if (options.dataDirectory().isEmpty()) {
        deleteTree(data);
      }
    }
  }

  private Report deliver(
      ArtemisMessageBus bus, SenderSettings settings, Map<String, String> env, double fillPerSecond)
      throws MessageBusException, InterruptedException {
    DeliveryRecordingRegistry registry = new DeliveryRecordingRegistry();
    SenderMetrics metrics = new SenderMetrics(registry, settings);
    EventLogger events = EventLogger.create(EventLoggerSettings.from(env));
    var processorOptions = SenderService.processorOptions(settings).build();
    SenderService sender =
        new SenderService(settings, bus, events, metrics, new DeliveryHealth(), processorOptions);
    Timer timer = metrics.deliveryTimer();
    int warmup = options.warmupMessages();
    long total = options.totalMessages();
    long deadline = System.nanoTime() + options.timeout().toNanos();
    long windowStart = System.nanoTime();
    sender.start();
    try {
      long countAtStart = 0;
      boolean measuring = warmup == 0;
      if (measuring) {
        registry.deliveries.reset();
      }
      long count = timer.count();
      while (count < total && System.nanoTime() < deadline) {
        Thread.sleep(10);
        count = timer.count();
        if (!measuring && count >= warmup) {
          windowStart = System.nanoTime();
          registry.deliveries.reset();
          countAtStart = count;
          measuring = true;
        }
      }
      long windowEnd = System.nanoTime();
      Histogram latencies = registry.deliveries.getIntervalHistogram();
      return new Report(
          options,
          processorOptions.batchSize(),
          count,
          measuring ? count - countAtStart : 0,
          measuring ? windowEnd - windowStart : 1,
          latencies,
          fillPerSecond,
          residentSetKib(),
          count >= total);
    } finally {
      sender.stop();
    }
  }

  /** Publishes warm-up + measured messages in batches; returns the fill rate. */
  private double fill(ArtemisMessageBus bus, SenderSettings settings) throws MessageBusException {
    String session = settings.sessionId().orElseThrow();
    String sourceSystem = "252";
    long start = System.nanoTime();
    try (MessagePublisher publisher = bus.publisher(Destination.queue(settings.source().label()))) {
      List<OutboundMessage> batch = new ArrayList<>(FILL_BATCH);
      for (int i = 0; i < options.totalMessages(); i++) {
        String controlId = String.format(Locale.ROOT, "SL%010d", i);
        batch.add(
            OutboundMessage.builder(SampleMessages.withControlId(options.message(), controlId))
                .sessionId(session)
                .messageId(controlId)
                .property("CorrelationId", "sender-load-" + controlId)
                .property("MessageReceivedAt", RECEIVED_AT.format(Instant.now()))
                .property("SourceSystem", sourceSystem)
                .property("WorkflowID", settings.workflowId())
                .build());
        if (batch.size() == FILL_BATCH) {
          publisher.publishBatch(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        publisher.publishBatch(batch);
      }
    }
    return options.totalMessages() * 1e9 / (System.nanoTime() - start);
  }

  /** The env file's values with the benchmark's overrides. */
  private Map<String, String> senderEnvironment(Map<String, String> file) {
    Map<String, String> env = new HashMap<>(file);
    env.remove("MAX_MESSAGES_PER_MINUTE");
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("RECEIVER_MLLP_HOST", "127.0.0.1");
    env.put("MESSAGE_STORE_ENABLED", Boolean.toString(options.messageStore()));
    env.put("MAX_COMPLETION_DELAY_MS", Long.toString(options.completionDelay().toMillis()));
    // Azure Monitor export is never part of this measurement.
    env.remove(EventLoggerSettings.APPLICATIONINSIGHTS_CONNECTION_STRING);
    return env;
  }

  private static MockReceiverSettings mockSettings() {
    Map<String, String> mockEnv = Map.of("PORT", "0", "HEALTH_CHECK_PORT", "0");
    return MockReceiverSettings.from(mockEnv::get);
  }

  /** {@code NAME=value} lines; blank lines and {@code #} comments are skipped. */
  static Map<String, String> readEnvFile(Path file) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
        continue;
      }
      values.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
    }
    return values;
  }

  /** VmRSS of this process from /proc (0 where there is no /proc). */
  static long residentSetKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /**
   * A simple registry whose {@code delivery_seconds} timer also feeds an HdrHistogram recorder, so
   * the percentiles cover exactly the measured window (the timer's own are a decaying window).
   */
  static final class DeliveryRecordingRegistry extends SimpleMeterRegistry {
    final Recorder deliveries = new Recorder(3);

    @Override
    protected Timer newTimer(
        Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
      if (!id.getName().equals("delivery_seconds")) {
        return super.newTimer(id, config, pauseDetector);
      }
      return new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), false) {
        @Override
        protected void recordNonNegative(long amount, TimeUnit unit) {
          super.recordNonNegative(amount, unit);
          deliveries.recordValue(Math.max(1, unit.toMicros(amount)));
        }
      };
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
