package io.integrationhub.bench.bus;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Bus load tool: publish + receive + complete of a 1.5 KB message through the embedded Artemis
 * broker with its durable journal, end to end, and publish latency at a fixed rate. Runs are
 * bounded (warm-up + measured seconds per scenario) and print their figures.
 *
 * <ul>
 *   <li>{@code one-session}: one publisher thread (async sends, bounded in flight) and one receiver
 *       completing each message, one session;
 *   <li>{@code four-sessions}: N publisher threads and N receivers, one session each;
 *   <li>{@code latency}: one publisher on a fixed schedule (default 1,000 msg/s), latency measured
 *       from the scheduled time to the broker's durable confirmation (no coordinated omission),
 *       with a receiver draining the queue meanwhile.
 * </ul>
 *
 * <p>Every receiver checks that its session's messages arrive in sequence and counts gaps.
 */
public final class BusLoad {
  static final String QUEUE = "bench-bus-ingress";
  private static final int QUEUES = 8;

  private final BusLoadOptions options;
  private final ArtemisMessageBus bus;

  BusLoad(BusLoadOptions options, ArtemisMessageBus bus) {
    this.options = options;
    this.bus = bus;
  }

  public static void main(String[] args) throws Exception {
    BusLoadOptions options;
    try {
      options = BusLoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.integrationhub.bus", "warn");
    for (String line : run(options)) {
      System.out.println(line);
    }
  }

  /** Runs the chosen scenarios on a fresh embedded broker and returns the report lines. */
  static List<String> run(BusLoadOptions options) throws Exception {
    Path data = options.dataDirectory().orElse(Files.createTempDirectory("bus-load-"));
    List<String> report = new ArrayList<>();
    int bytes = options.message().getBytes(StandardCharsets.UTF_8).length;
    report.add(
        String.format(
            Locale.ROOT,
            "Bus load: embedded Artemis, durable NIO journal in %s (buffer timeout %d us),"
                + " receive window %d bytes, message %d bytes, %d s measured after %d s warm-up"
                + " per scenario, %d cores, JDK %s",
            data,
            options.journalBufferMicros(),
            options.receiveWindowBytes(),
            bytes,
            options.duration().toSeconds(),
            options.warmup().toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.version()));
    try (ArtemisMessageBus bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(data)
                .journalBufferTimeout(Duration.ofNanos(options.journalBufferMicros() * 1_000L))
                .receiveWindowBytes(options.receiveWindowBytes())
                .topology(
                    new BusTopology(
                        "bench",
                        java.util.stream.IntStream.range(0, QUEUES)
                            .mapToObj(
                                i ->
                                    new QueueSpec(
                                        queueName(i), EntitySettings.referenceDefaults(true)))
                            .toList(),
                        List.of()))
                .build())) {
      BusLoad load = new BusLoad(options, bus);
      String scenario = options.scenario();
      if (scenario.equals("all") || scenario.equals("one-session")) {
        report.add(load.throughput(1).describe("(a) 1 session: 1 publisher + 1 receiver"));
      }
      if (scenario.equals("all") || scenario.equals("four-sessions")) {
        int n = options.sessions();
        report.add(
            load.throughput(n)
                .describe(
                    "(b) "
                        + n
                        + " sessions: "
                        + n
                        + " publishers + "
                        + n
                        + " receivers, "
                        + (options.queuePerSession() ? "one queue each" : "one shared queue")));
      }
      if (scenario.equals("all") || scenario.equals("latency")) {
        report.add(load.latency());
      }
    } finally {
      if (options.dataDirectory().isEmpty()) {
        deleteTree(data);
      }
    }
    return report;
  }

  /** Queue 0 is the shared one; with --queue-per-session, session i uses queue i. */
  static String queueName(int index) {
    return index == 0 ? QUEUE : QUEUE + "-" + index;
  }

  /** The figures of one throughput run. */
  record Throughput(long published, long received, long outOfOrder, long errors, long nanos) {
    String describe(String title) {
      double seconds = nanos / 1e9;
      return String.format(
          Locale.ROOT,
          "%s: %,.0f msg/s end to end (received+completed), %,.0f msg/s published;"
              + " %d received, %d out of order, %d errors",
          title,
          received / seconds,
          published / seconds,
          received,
          outOfOrder,
          errors);
    }
  }

  Throughput throughput(int sessions) throws Exception {
    String run = "t" + System.nanoTime();
    AtomicLong published = new AtomicLong();
    AtomicLong received = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    Stop stop = new Stop();
    for (int s = 0; s < sessions; s++) {
      String session = run + "-" + s;
      String queue = options.queuePerSession() ? queueName(s % QUEUES) : QUEUE;
      AtomicLong sessionReceived = new AtomicLong();
      threads.add(
          Thread.ofPlatform()
              .name("bus-publisher-" + s)
              .start(() -> publishLoop(queue, session, stop, published, sessionReceived, errors)));
      threads.add(
          Thread.ofPlatform()
              .name("bus-receiver-" + s)
              .start(
                  () ->
                      receiveLoop(
                          queue, session, stop, received, sessionReceived, outOfOrder, errors)));
    }
    Thread.sleep(options.warmup().toMillis());
    long published0 = published.get();
    long received0 = received.get();
    long outOfOrder0 = outOfOrder.get();
    long errors0 = errors.get();
    long start = System.nanoTime();
    Thread.sleep(options.duration().toMillis());
    long nanos = System.nanoTime() - start;
    Throughput result =
        new Throughput(
            published.get() - published0,
            received.get() - received0,
            outOfOrder.get() - outOfOrder0,
            errors.get() - errors0,
            nanos);
    stop.stopPublishing = true;
    // let the receivers drain what is left so the next scenario starts on an empty queue
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (received.get() < published.get() && System.nanoTime() < drainUntil) {
      Thread.sleep(50);
    }
    stop.stopReceiving = true;
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    return result;
  }

  private void publishLoop(
      String queue,
      String session,
      Stop stop,
      AtomicLong published,
      AtomicLong sessionReceived,
      AtomicLong errors) {
    Semaphore window = new Semaphore(options.maxInFlight());
    long sequence = 0;
    try (MessagePublisher publisher = bus.publisher(Destination.queue(queue))) {
      while (!stop.stopPublishing) {
        if (sequence - sessionReceived.get() > options.maxBacklog()) {
          LockSupport.parkNanos(100_000);
          continue;
        }
        if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        publisher
            .publishAsync(message(session, sequence++))
            .whenComplete(
                (ok, error) -> {
                  window.release();
                  if (error == null) {
                    published.incrementAndGet();
                  } else {
                    errors.incrementAndGet();
                  }
                });
      }
      window.acquire(options.maxInFlight());
    } catch (MessageBusException e) {
      errors.incrementAndGet();
      System.err.println("publisher " + session + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void receiveLoop(
      String queue,
      String session,
      Stop stop,
      AtomicLong received,
      AtomicLong sessionReceived,
      AtomicLong outOfOrder,
      AtomicLong errors) {
    long expected = 0;
    try (SessionReceiver receiver = bus.receiver(Source.queue(queue), Optional.of(session))) {
      while (!stop.stopReceiving) {
        List<ReceivedMessage> batch = receiver.receive(100, Duration.ofMillis(100));
        for (ReceivedMessage m : batch) {
          long sequence = Long.parseLong(m.properties().get("Seq"));
          if (sequence != expected) {
            outOfOrder.incrementAndGet();
          }
          expected = sequence + 1;
          if (!options.completeInBatches()) {
            m.complete();
          }
        }
        if (options.completeInBatches()) {
          receiver.completeAll(batch);
        }
        sessionReceived.addAndGet(batch.size());
        received.addAndGet(batch.size());
      }
    } catch (MessageBusException | RuntimeException e) {
      errors.incrementAndGet();
      System.err.println("receiver " + session + ": " + e.getMessage());
    }
  }

  /** Publishes on a fixed schedule; latency from the scheduled time to the durable confirmation. */
  String latency() throws Exception {
    String session = "lat" + System.nanoTime();
    Recorder recorder = new Recorder(3);
    AtomicLong errors = new AtomicLong();
    AtomicLong received = new AtomicLong();
    Stop stop = new Stop();
    Thread receiver =
        Thread.ofPlatform()
            .name("bus-latency-receiver")
            .start(
                () ->
                    receiveLoop(
                        QUEUE,
                        session,
                        stop,
                        received,
                        new AtomicLong(),
                        new AtomicLong(),
                        errors));
    long interval = 1_000_000_000L / options.rate();
    long sent = 0;
    long warmupEnd = System.nanoTime() + options.warmup().toNanos();
    long end = warmupEnd + options.duration().toNanos();
    try (MessagePublisher publisher = bus.publisher(Destination.queue(QUEUE))) {
      long next = System.nanoTime();
      boolean measuring = false;
      while (next < end) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (!measuring && next >= warmupEnd) {
          measuring = true;
          recorder.reset();
          errors.set(0);
        }
        long scheduled = next;
        boolean record = measuring;
        publisher
            .publishAsync(message(session, sent++))
            .whenComplete(
                (ok, error) -> {
                  if (error != null) {
                    errors.incrementAndGet();
                  } else if (record) {
                    recorder.recordValue(Math.max(0, (System.nanoTime() - scheduled) / 1_000));
                  }
                });
        next += interval;
      }
    }
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (received.get() < sent && System.nanoTime() < drainUntil) {
      Thread.sleep(20);
    }
    stop.stopReceiving = true;
    receiver.join(10_000);
    Histogram h = recorder.getIntervalHistogram();
    return String.format(
        Locale.ROOT,
        "(c) publish latency at %,d msg/s (scheduled send -> durable broker confirmation), %d"
            + " samples: p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms; %d"
            + " errors",
        options.rate(),
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0,
        errors.get());
  }

  private OutboundMessage message(String session, long sequence) {
    return OutboundMessage.builder(options.message())
        .sessionId(session)
        .messageId(session + "-" + sequence)
        .property("Seq", Long.toString(sequence))
        .property("WorkflowID", "bus-load")
        .build();
  }

  private static final class Stop {
    volatile boolean stopPublishing;
    volatile boolean stopReceiving;
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
