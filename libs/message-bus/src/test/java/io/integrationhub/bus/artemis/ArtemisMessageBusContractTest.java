package io.integrationhub.bus.artemis;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.contract.MessageBusContract;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against an embedded, persistent Artemis broker in a temporary folder. */
class ArtemisMessageBusContractTest extends MessageBusContract {
  /** Small enough to test cheaply, large enough to use Artemis' large-message path. */
  static final int MAX_MESSAGE_BYTES = 1 << 20;

  @TempDir static Path data;
  private static ArtemisMessageBus bus;
  private static final AtomicInteger PLAIN_QUEUES = new AtomicInteger();

  @BeforeAll
  static void startBroker() throws MessageBusException {
    QuietArtemisLogs.apply();
    bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(data)
                .maxMessageBytes(MAX_MESSAGE_BYTES)
                .topology(contractTopology())
                .build());
  }

  @AfterAll
  static void stopBroker() {
    bus.close();
  }

  @Override
  protected MessageBus bus() {
    return bus;
  }

  @Override
  protected Source queueWithSessions() {
    return Source.queue(SESSION_QUEUE);
  }

  /** Artemis can create entities, so each test gets a fresh plain queue. */
  @Override
  protected Source queueWithoutSessions() {
    String name = PLAIN_QUEUE + "-" + PLAIN_QUEUES.incrementAndGet();
    try {
      bus.applyTopology(
          new BusTopology(
              "contract",
              List.of(new QueueSpec(name, EntitySettings.referenceDefaults(false))),
              List.of()));
    } catch (MessageBusException e) {
      throw new IllegalStateException(e);
    }
    return Source.queue(name);
  }

  @Override
  protected Destination topic() {
    return Destination.topic(TOPIC);
  }

  @Override
  protected Source subscriptionWithSessions() {
    return Source.subscription(TOPIC, SUBSCRIPTION);
  }

  @Override
  protected int maxMessageBytes() {
    return MAX_MESSAGE_BYTES;
  }

  @Override
  protected List<DeadLetter> deadLetters(Source source) throws MessageBusException {
    return bus.deadLetters(source).stream()
        .map(
            d ->
                new DeadLetter(
                    d.body(), d.messageId(), d.properties(), d.reason(), d.description()))
        .toList();
  }
}
