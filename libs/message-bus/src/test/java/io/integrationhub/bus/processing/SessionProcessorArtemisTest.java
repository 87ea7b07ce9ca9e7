package io.integrationhub.bus.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.artemis.DeadLetteredMessage;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processing loop on a real, embedded, persistent Artemis broker. */
class SessionProcessorArtemisTest {
  private static final String ORDERED = "local-inthub-ordered-ingress";
  private static final String POISON = "local-inthub-poison-ingress";
  private static final String GROUPED = "local-inthub-grouped-ingress";
  private static final String SESSION = "mpi";
  private static final ProcessorOptions FAST =
      ProcessorOptions.builder()
          .receiveWait(Duration.ofMillis(50))
          .initialRetryDelay(Duration.ofMillis(10))
          .maxRetryDelay(Duration.ofMillis(40))
          .sessionUnavailableWait(Duration.ofMillis(50))
          .build();

  @TempDir static Path dataDirectory;
  private static ArtemisMessageBus bus;

  @BeforeAll
  static void startBroker() throws Exception {
    BusTopology topology =
        new BusTopology(
            "local-inthub",
            List.of(
                new QueueSpec(ORDERED, EntitySettings.referenceDefaults(true)),
                new QueueSpec(POISON, EntitySettings.referenceDefaults(true)),
                new QueueSpec(GROUPED, EntitySettings.referenceDefaults(true))),
            List.of());
    bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder().dataDirectory(dataDirectory).topology(topology).build());
  }

  @AfterAll
  static void stopBroker() {
    if (bus != null) {
      bus.close();
    }
  }

  @Test
  void aThousandMessagesOfOneSessionAreProcessedInOrder() throws Exception {
    List<String> bodies = IntStream.range(0, 1000).mapToObj(i -> "MSG-%04d".formatted(i)).toList();
    publish(ORDERED, bodies);
    List<String> processed = new CopyOnWriteArrayList<>();

    try (SessionProcessor processor =
        SessionProcessor.builder(bus, Source.queue(ORDERED))
            .sessionId(SESSION)
            .options(FAST)
            .handler(
                message -> {
                  processed.add(message.body());
                  return HandlerOutcome.completed();
                })
            .build()) {
      processor.start();
      awaitTrue(() -> processed.size() == bodies.size());
    }

    assertThat(processed).containsExactlyElementsOf(bodies);
  }

  @Test
  void aPoisonMessageIsDeadLetteredAndATransientFailureIsRetriedInOrder() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bodies.add(i == 5 ? "POISON" : i == 12 ? "TRANSIENT" : "MSG-%02d".formatted(i));
    }
    publish(POISON, bodies);
    List<String> attempts = new CopyOnWriteArrayList<>();
    List<String> completed = new CopyOnWriteArrayList<>();
    List<Integer> retryAttempts = new CopyOnWriteArrayList<>();

    try (SessionProcessor processor =
        SessionProcessor.builder(bus, Source.queue(POISON))
            .sessionId(SESSION)
            .options(FAST)
            .listener(
                new ProcessorListener() {
                  @Override
                  public void onRetryScheduled(Duration delay, int attempt) {
                    retryAttempts.add(attempt);
                  }
                })
            .handler(
                message -> {
                  String body = message.body();
                  attempts.add(body + "#" + message.deliveryCount());
                  if (body.equals("POISON")) {
                    throw new PermanentMessageException("malformed-hl7", "no MSH segment");
                  }
                  if (body.equals("TRANSIENT") && message.deliveryCount() < 3) {
                    return HandlerOutcome.retry("mpi unavailable");
                  }
                  completed.add(body);
                  return HandlerOutcome.completed();
                })
            .build()) {
      processor.start();
      awaitTrue(() -> completed.size() == bodies.size() - 1);
    }

    List<String> expected = new ArrayList<>(bodies);
    expected.remove("POISON");
    assertThat(completed).containsExactlyElementsOf(expected);
    // The poison message was tried once; the transient one three times in a row, nothing overtook
    // it.
    assertThat(attempts).containsOnlyOnce("POISON#1");
    int first = attempts.indexOf("TRANSIENT#1");
    assertThat(attempts.subList(first, first + 4))
        .containsExactly("TRANSIENT#1", "TRANSIENT#2", "TRANSIENT#3", "MSG-13#1");
    assertThat(retryAttempts).containsExactly(0, 1);
    List<DeadLetteredMessage> deadLetters = bus.deadLetters(Source.queue(POISON));
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).body()).isEqualTo("POISON");
    assertThat(deadLetters.get(0).reason()).isEqualTo("malformed-hl7");
    assertThat(deadLetters.get(0).description()).isEqualTo("no MSH segment");
  }

  @Test
  void withGroupedCompletionEveryMessageIsCompletedExactlyOnceAndTheQueueEnds() throws Exception {
    List<String> bodies = IntStream.range(0, 200).mapToObj(i -> "GRP-%03d".formatted(i)).toList();
    publish(GROUPED, bodies);
    List<String> handled = new CopyOnWriteArrayList<>();
    List<String> completed = new CopyOnWriteArrayList<>();

    try (SessionProcessor processor =
        SessionProcessor.builder(bus, Source.queue(GROUPED))
            .sessionId(SESSION)
            .options(
                FAST.toBuilder().batchSize(50).maxCompletionDelay(Duration.ofMillis(50)).build())
            .listener(
                new ProcessorListener() {
                  @Override
                  public void onCompleted(ReceivedMessage message) {
                    completed.add(message.body());
                  }
                })
            .handler(
                message -> {
                  handled.add(message.body() + "#" + message.deliveryCount());
                  // Slow enough that groups are also closed by the delay, not only by the batch
                  // end.
                  Thread.sleep(1);
                  return HandlerOutcome.completed();
                })
            .build()) {
      processor.start();
      awaitTrue(() -> completed.size() == bodies.size());
    }

    assertThat(completed).containsExactlyElementsOf(bodies);
    assertThat(handled).containsExactlyElementsOf(bodies.stream().map(b -> b + "#1").toList());
    try (SessionReceiver receiver = bus.receiver(Source.queue(GROUPED), Optional.of(SESSION))) {
      assertThat(receiver.receive(10, Duration.ofMillis(200))).isEmpty();
    }
    assertThat(bus.deadLetters(Source.queue(GROUPED))).isEmpty();
  }

  private static void publish(String queue, List<String> bodies) throws Exception {
    try (MessagePublisher publisher = bus.publisher(Destination.queue(queue))) {
      publisher.publishBatch(
          bodies.stream()
              .map(body -> OutboundMessage.builder(body).sessionId(SESSION).build())
              .toList());
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition not met in time").isNegative();
      Thread.sleep(5);
    }
  }
}
