package io.integrationhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
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
import io.integrationhub.mllp.testing.RawMllpClient;
import io.integrationhub.mockreceiver.MockReceiverService;
import io.integrationhub.mockreceiver.MockReceiverSettings;
import io.integrationhub.sender.SenderMetrics;
import io.integrationhub.sender.SenderService;
import io.integrationhub.sender.SenderSettings;
import io.integrationhub.server.Hl7ServerService;
import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.chemo.ChemocareTransformer;
import io.integrationhub.transform.phw.PhwTransformer;
import io.integrationhub.transform.pims.PimsTransformer;
import io.integrationhub.transform.service.TransformerService;
import io.integrationhub.transform.service.TransformerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One flow of the hub in this JVM, over real sockets and ONE real embedded, durable Artemis broker
 * shared by every service: the flow's {@code hl7-server} (MLLP in), its transformer when the flow
 * has one (phw, chemo, pims), the MPI {@code hl7-sender}, and the mock MPI ({@code
 * hl7-mock-receiver}) that journals every message it receives to a JSON-lines file.
 *
 * <p>Every service is configured by its {@code local/*.env} file, as in a local deployment, with
 * only these overrides: every port 0 (ephemeral), the sender unthrottled and pointed at the mock,
 * the mock without its bus copy and with a journal file in a temporary directory.
 */
public final class HubFixture implements AutoCloseable {

  /** A message the mock MPI received, from its journal. */
  public record Received(String controlId, String messageType, String reply, String message) {}

  /** The flows with their own server; {@code mpi} is the MPI-outbound server (to a topic). */
  public static final List<String> FLOWS = List.of("phw", "paris", "chemo", "pims", "mosaiq");

  private static final Map<String, Supplier<FlowTransformer>> TRANSFORMERS =
      Map.of(
          "phw", PhwTransformer::new,
          "chemo", ChemocareTransformer::new,
          "pims", PimsTransformer::new);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String flow;
  private final Path directory;
  private final Path journal;
  private final List<Runnable> stops = new ArrayList<>();
  private final RecordingEventSink serverEvents = new RecordingEventSink();
  private final RecordingEventSink transformerEvents = new RecordingEventSink();
  private final RecordingEventSink senderEvents = new RecordingEventSink();
  private MessageBus bus;
  private Hl7ServerService server;
  private MockReceiverService mock;

  private HubFixture(String flow) throws IOException {
    this.flow = flow;
    this.directory = Files.createTempDirectory("e2e-" + flow);
    this.journal = directory.resolve("received.jsonl");
  }

  /** The whole flow: server, transformer (if any), sender and mock MPI. */
  public static HubFixture start(String flow) {
    return start(flow, Map.of());
  }

  /** The whole flow, with extra variables for the server (e.g. {@code NAK_ON_ERROR=true}). */
  public static HubFixture start(String flow, Map<String, String> serverOverrides) {
    return launch(flow, serverOverrides, true);
  }

  /**
   * Only the broker and the server of {@code flow} (e.g. {@code mpi}, which publishes to a topic).
   */
  public static HubFixture serverOnly(String flow) {
    return launch(flow, Map.of(), false);
  }

  private static HubFixture launch(
      String flow, Map<String, String> serverOverrides, boolean wholeFlow) {
    HubFixture hub;
    try {
      hub = new HubFixture(flow);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      hub.startBus();
      if (wholeFlow) {
        hub.startMock();
        hub.startSender();
        hub.startTransformer();
      }
      hub.startServer(serverOverrides);
      return hub;
    } catch (RuntimeException | MessageBusException | IOException e) {
      hub.close();
      throw new IllegalStateException("Cannot start the " + flow + " flow", e);
    }
  }

  private void startBus() throws MessageBusException, IOException {
    MessageBus started =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(directory.resolve("artemis"))
                .topology(
                    EmulatorConfigReader.read(
                        EnvFile.localDirectory().resolve(EnvFile.TOPOLOGY_FILE)))
                .build());
    bus = started;
    stops.add(started::close);
  }

  private void startMock() {
    Map<String, String> env = env("mpi-hl7-mock-receiver.env");
    env.remove("EGRESS_QUEUE_NAME");
    env.remove("EGRESS_SESSION_ID");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("RECEIVED_MESSAGES_FILE", journal.toString());
    MockReceiverService started =
        MockReceiverService.withoutBus(MockReceiverSettings.from(env::get));
    started.start();
    mock = started;
    stops.add(started::stop);
  }

  private void startSender() throws MessageBusException {
    Map<String, String> env = env("mpi-hl7-sender.env");
    env.put("MAX_MESSAGES_PER_MINUTE", "");
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("RECEIVER_MLLP_HOST", "127.0.0.1");
    env.put("RECEIVER_MLLP_PORT", Integer.toString(mock.mllpPort()));
    SenderSettings settings = SenderSettings.from(env::get);
    SenderService started =
        new SenderService(
            settings,
            bus,
            events(env, senderEvents),
            new SenderMetrics(new SimpleMeterRegistry(), settings),
            new DeliveryHealth(),
            SenderService.processorOptions(settings)
                .receiveWait(Duration.ofMillis(500))
                .stopTimeout(Duration.ofSeconds(10))
                .build());
    started.start();
    stops.add(started::stop);
  }

  private void startTransformer() throws MessageBusException {
    Supplier<FlowTransformer> transformer = TRANSFORMERS.get(flow);
    if (transformer == null) {
      return;
    }
    Map<String, String> env = env(flow + "-hl7-transformer.env");
    env.put("HEALTH_CHECK_PORT", "0");
    TransformerService started =
        new TransformerService(
            transformer.get(),
            TransformerSettings.from(env::get),
            bus,
            events(env, transformerEvents));
    started.start();
    stops.add(started::stop);
  }

  private void startServer(Map<String, String> overrides) throws MessageBusException {
    Map<String, String> env = env(flow + "-hl7-server.env");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_PORT", "0");
    env.putAll(overrides);
    Hl7ServerService started = Hl7ServerService.create(env::get, bus, events(env, serverEvents));
    started.start();
    server = started;
    stops.add(started::stop);
  }

  private static Map<String, String> env(String file) {
    return new HashMap<>(EnvFile.local(file));
  }

  private static EventLogger events(Map<String, String> env, RecordingEventSink recording) {
    return new EventLogger(
        EventLoggerSettings.from(env),
        List.<EventSink>of(new JsonLogEventSink(), recording),
        Clock.systemUTC());
  }

  /** Whether the flow has a transformer between server and sender. */
  public boolean transforms() {
    return TRANSFORMERS.containsKey(flow);
  }

  /** The server's MLLP port. */
  public int serverPort() {
    return server.port();
  }

  /** A new MLLP connection to the flow's server. */
  public RawMllpClient connect() throws IOException {
    return RawMllpClient.connect("127.0.0.1", serverPort());
  }

  /** Sends one message on a new connection; the reply, or empty when the server sent none. */
  public Optional<String> sendOnce(String message) throws IOException {
    try (RawMllpClient client = connect()) {
      client.sendFrame(message);
      try {
        return Optional.of(client.readFrame(Duration.ofSeconds(30)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /** Every message the mock MPI has received so far, in arrival order. */
  public List<Received> received() {
    if (!Files.exists(journal)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Received> all = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      // a line still being written has no closing brace yet: stop there, read it next time
      if (!line.endsWith("}")) {
        break;
      }
      try {
        JsonNode node = JSON.readTree(line);
        all.add(
            new Received(
                node.path("controlId").asText(""),
                node.path("messageType").asText(""),
                node.path("reply").asText(""),
                node.path("message").asText("")));
      } catch (IOException e) {
        break;
      }
    }
    return all;
  }

  /**
   * Waits until the mock MPI has received at least {@code count} messages in total and returns all
   * of them; fails after {@code timeout} naming what arrived and the failures the services logged.
   */
  public List<Received> awaitReceived(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Received> now = received();
    while (now.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the mock MPI received "
                + now.size()
                + " of "
                + count
                + " message(s) within "
                + timeout
                + "; failures: "
                + failures());
      }
      Thread.sleep(20);
      now = received();
    }
    return now;
  }

  /** The MESSAGE_FAILED events of every service, for failure messages. */
  public List<Event> failures() {
    List<Event> all = new ArrayList<>();
    all.addAll(serverEvents.ofType(EventType.MESSAGE_FAILED));
    all.addAll(transformerEvents.ofType(EventType.MESSAGE_FAILED));
    all.addAll(senderEvents.ofType(EventType.MESSAGE_FAILED));
    return all;
  }

  public RecordingEventSink serverEvents() {
    return serverEvents;
  }

  public RecordingEventSink transformerEvents() {
    return transformerEvents;
  }

  public RecordingEventSink senderEvents() {
    return senderEvents;
  }

  /** Stops every service (server first, mock last), closes the broker, deletes the data. */
  @Override
  public void close() {
    List<Runnable> reversed = new ArrayList<>(stops);
    java.util.Collections.reverse(reversed);
    for (Runnable stop : reversed) {
      try {
        stop.run();
      } catch (RuntimeException e) {
        System.err.println("e2e: stopping a service failed: " + e);
      }
    }
    stops.clear();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("e2e: cannot delete " + directory + ": " + e);
    }
  }
}
