package io.integrationhub.bus.artemis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artemis-specific behaviour beyond the contract: semantics pinned, mapping details, remote use.
 */
class ArtemisMessageBusTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration ABSENT = Duration.ofMillis(300);
  private static final String SESSIONS = "it-sessions";
  private static final String PLAIN = "it-plain";
  private static final String SHORT_TTL_DLQ = "it-ttl-dlq";
  private static final String SHORT_TTL_DROP = "it-ttl-drop";
  private static final String TOPIC = "it-topic";

  @TempDir static Path data;
  private static ArtemisMessageBus bus;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    QuietArtemisLogs.apply();
    port = freePort();
    EntitySettings sessions =
        new EntitySettings(true, Duration.ofSeconds(30), 3, Duration.ofHours(1), false);
    bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(data)
                .acceptorPort(port)
                .maxMessageBytes(64 * 1024)
                .topology(
                    new BusTopology(
                        "it",
                        List.of(
                            new QueueSpec(SESSIONS, sessions),
                            new QueueSpec(PLAIN, EntitySettings.referenceDefaults(false)),
                            new QueueSpec(
                                SHORT_TTL_DLQ,
                                new EntitySettings(
                                    false,
                                    Duration.ofMinutes(1),
                                    10,
                                    Duration.ofMillis(200),
                                    true)),
                            new QueueSpec(
                                SHORT_TTL_DROP,
                                new EntitySettings(
                                    false,
                                    Duration.ofMinutes(1),
                                    10,
                                    Duration.ofMillis(200),
                                    false))),
                        List.of(
                            new TopicSpec(
                                TOPIC,
                                List.of(
                                    new SubscriptionSpec("a", sessions),
                                    new SubscriptionSpec("b", sessions))))))
                .build());
  }

  @AfterAll
  static void stop() {
    bus.close();
  }

  @Test
  void deliveryCountIsOneFirstAndRisesOnAbandonAndOnCloseWithoutSettling() throws Exception {
    String session = fresh();
    publish(SESSIONS, session, "count");
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      ReceivedMessage first = receiveOne(receiver);
      assertThat(first.deliveryCount()).isEqualTo(1);
      first.abandon();
      assertThat(receiveOne(receiver).deliveryCount()).isEqualTo(2);
    }
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      ReceivedMessage third = receiveOne(receiver);
      assertThat(third.deliveryCount()).isEqualTo(3);
      third.complete();
    }
  }

  @Test
  void prefetchedMessagesThatWereNeverHandedOutKeepTheirDeliveryCount() throws Exception {
    String session = fresh();
    for (int i = 0; i < 5; i++) {
      publish(SESSIONS, session, "m" + i);
    }
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      ReceivedMessage first = receiveOne(receiver); // m1..m4 sit in the receive window
      first.abandon();
      List<ReceivedMessage> again = receiveAll(receiver, 5);
      assertThat(again)
          .extracting(ReceivedMessage::body)
          .containsExactly("m0", "m1", "m2", "m3", "m4");
      assertThat(again).extracting(ReceivedMessage::deliveryCount).containsExactly(2, 1, 1, 1, 1);
      again.get(0).complete();
    } // closing releases m1..m4, which were handed out: each counts one delivery
    // closing with m1 handed out (unsettled) and m2..m4 only prefetched: m1 counts, the rest not
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      assertThat(receiveOne(receiver).body()).isEqualTo("m1");
    }
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      List<ReceivedMessage> rest = receiveAll(receiver, 4);
      assertThat(rest).extracting(ReceivedMessage::body).containsExactly("m1", "m2", "m3", "m4");
      assertThat(rest).extracting(ReceivedMessage::deliveryCount).containsExactly(3, 2, 2, 2);
      for (ReceivedMessage m : rest) {
        m.complete();
      }
    }
  }

  @Test
  void abandonReleasesTheLaterUnsettledMessagesTooSoTheSessionStaysInOrder() throws Exception {
    String session = fresh();
    publish(SESSIONS, session, "one");
    publish(SESSIONS, session, "two");
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      List<ReceivedMessage> both = receiveAll(receiver, 2);
      both.get(0).abandon();
      assertThatThrownBy(() -> both.get(1).complete())
          .isInstanceOf(SettlementException.class)
          .hasMessageContaining("earlier abandon");
      both.get(1).abandon(); // no-op: already back on the queue
      List<ReceivedMessage> again = receiveAll(receiver, 2);
      assertThat(again).extracting(ReceivedMessage::body).containsExactly("one", "two");
      for (ReceivedMessage m : again) {
        m.complete();
      }
    }
  }

  @Test
  void theMaxDeliveryCountOfTheTopologyApplies() throws Exception {
    String session = fresh();
    publish(SESSIONS, session, "poison");
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      for (int i = 1; i <= 3; i++) {
        receiveOne(receiver).abandon();
      }
      assertThat(receiver.receive(1, ABSENT)).isEmpty();
    }
    assertThat(bus.deadLetters(Source.queue(SESSIONS)))
        .filteredOn(d -> d.sessionId().equals(Optional.of(session)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo("MaxDeliveryCountExceeded");
              assertThat(d.description()).contains("3 delivery attempts");
              assertThat(d.deliveryCount()).isEqualTo(3);
              assertThat(d.body()).isEqualTo("poison");
            });
  }

  @Test
  void deadLetteringFromASubscriptionLandsInThatSubscriptionsQueueOnly() throws Exception {
    String session = fresh();
    try (MessagePublisher publisher = bus.publisher(Destination.topic(TOPIC))) {
      publisher.publish(
          OutboundMessage.builder("fan-out").sessionId(session).messageId("T-1").build());
    }
    try (SessionReceiver a = bus.receiver(Source.subscription(TOPIC, "a"), Optional.of(session));
        SessionReceiver b = bus.receiver(Source.subscription(TOPIC, "b"), Optional.of(session))) {
      receiveOne(a).deadLetter("Rejected", "by a");
      receiveOne(b).complete();
    }
    assertThat(bus.deadLetters(Source.subscription(TOPIC, "a")))
        .filteredOn(d -> d.sessionId().equals(Optional.of(session)))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("Rejected"));
    assertThat(bus.deadLetters(Source.subscription(TOPIC, "b")))
        .noneMatch(d -> d.sessionId().equals(Optional.of(session)));
  }

  @Test
  void expiredMessagesGoToTheDeadLetterQueueOnlyWhenTheEntityAsksForIt() throws Exception {
    publishPlain(SHORT_TTL_DLQ, "expires-to-dlq");
    publishPlain(SHORT_TTL_DROP, "expires-and-drops");
    Thread.sleep(400);
    try (SessionReceiver toDlq = bus.receiver(Source.queue(SHORT_TTL_DLQ), Optional.empty());
        SessionReceiver dropped = bus.receiver(Source.queue(SHORT_TTL_DROP), Optional.empty())) {
      assertThat(toDlq.receive(1, ABSENT)).isEmpty();
      assertThat(dropped.receive(1, ABSENT)).isEmpty();
    }
    assertThat(bus.deadLetters(Source.queue(SHORT_TTL_DLQ)))
        .extracting(DeadLetteredMessage::reason, DeadLetteredMessage::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TTLExpiredException", "expires-to-dlq"));
    assertThat(bus.deadLetters(Source.queue(SHORT_TTL_DROP))).isEmpty();
  }

  @Test
  void entitySettingsAndSessionRulesComeFromTheTopology() throws Exception {
    try (SessionReceiver receiver = receiver(SESSIONS, fresh())) {
      assertThat(receiver.lockDuration()).isEqualTo(Duration.ofSeconds(30));
      receiver.renewLock();
    }
    assertThatThrownBy(() -> bus.receiver(Source.queue(PLAIN), Optional.of("s")))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("does not use sessions");
    assertThatThrownBy(() -> bus.receiver(Source.queue(SESSIONS), Optional.of(" ")))
        .isInstanceOf(MessageBusException.class);
    try (MessagePublisher topic = bus.publisher(Destination.topic(TOPIC))) {
      assertThatThrownBy(() -> topic.publish(OutboundMessage.builder("x").build()))
          .isInstanceOf(SessionRequiredException.class);
    }
    assertThatThrownBy(() -> bus.publisher(Destination.queue(TOPIC)))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(() -> bus.publisher(Destination.topic(PLAIN)))
        .isInstanceOf(UnknownDestinationException.class);
    assertThatThrownBy(() -> bus.deadLetters(Source.queue("nope")))
        .isInstanceOf(UnknownDestinationException.class);
  }

  @Test
  void reservedPropertyNamesAndClosedPublishersAreRefused() throws Exception {
    MessagePublisher publisher = bus.publisher(Destination.queue(PLAIN));
    assertThatThrownBy(
            () ->
                publisher.publish(
                    OutboundMessage.builder("x").property("_AMQ_GROUP_ID", "hijack").build()))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("reserved");
    publisher.close();
    publisher.close();
    assertThatThrownBy(() -> publisher.publish(OutboundMessage.builder("x").build()))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> publisher.publishBatch(List.of(OutboundMessage.builder("x").build())))
        .isInstanceOf(MessageBusException.class);
  }

  @Test
  void settlingAfterTheReceiverClosedFailsAndTheMessageComesBack() throws Exception {
    String session = fresh();
    publish(SESSIONS, session, "late");
    ReceivedMessage held;
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      held = receiveOne(receiver);
    }
    assertThatThrownBy(held::complete).isInstanceOf(SettlementException.class);
    try (SessionReceiver receiver = receiver(SESSIONS, session)) {
      ReceivedMessage again = receiveOne(receiver);
      assertThat(again.body()).isEqualTo("late");
      again.complete();
      assertThatThrownBy(() -> receiver.receive(0, WAIT))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aSecondProcessOnTheTcpAcceptorSharesQueuesAndSessionLocks() throws Exception {
    String session = fresh();
    String extraQueue = "it-remote-" + UUID.randomUUID();
    try (ArtemisMessageBus remote =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .brokerUrl("tcp://127.0.0.1:" + port)
                .topology(
                    new BusTopology(
                        "it",
                        List.of(
                            new QueueSpec(
                                SESSIONS,
                                new EntitySettings(
                                    true, Duration.ofSeconds(30), 3, Duration.ofHours(1), false)),
                            new QueueSpec(extraQueue, EntitySettings.referenceDefaults(false))),
                        List.of()))
                .build())) {
      assertThat(remote.options().embedded()).isFalse();
      assertThat(remote.kind()).isEqualTo("artemis");
      try (MessagePublisher publisher = remote.publisher(Destination.queue(SESSIONS))) {
        publisher.publish(OutboundMessage.builder("over-tcp").sessionId(session).build());
      }
      try (SessionReceiver local = receiver(SESSIONS, session)) {
        assertThatThrownBy(() -> remote.receiver(Source.queue(SESSIONS), Optional.of(session)))
            .isInstanceOf(SessionUnavailableException.class);
        ReceivedMessage m = receiveOne(local);
        assertThat(m.body()).isEqualTo("over-tcp");
        m.complete();
      }
      try (MessagePublisher publisher = bus.publisher(Destination.queue(extraQueue));
          SessionReceiver receiver = remote.receiver(Source.queue(extraQueue), Optional.empty())) {
        publisher.publish(OutboundMessage.builder("created-remotely").build());
        ReceivedMessage m = receiveOne(receiver);
        assertThat(m.body()).isEqualTo("created-remotely");
        m.complete();
      }
    }
  }

  @Test
  void aClosedBusRefusesWork(@TempDir Path other) throws Exception {
    ArtemisMessageBus closed =
        ArtemisMessageBus.start(
            ArtemisOptions.builder().dataDirectory(other).persistent(false).build());
    closed.close();
    closed.close();
    assertThatThrownBy(() -> closed.publisher(Destination.queue(PLAIN)))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> closed.receiver(Source.queue(PLAIN), Optional.empty()))
        .isInstanceOf(MessageBusException.class);
  }

  @Test
  void theBrokersAuditLoggersWhichPrintMessagesAreOff() {
    assertThat(
            org.slf4j.LoggerFactory.getLogger("org.apache.activemq.audit.message").isInfoEnabled())
        .isFalse();
  }

  @Test
  void aRemoteBrokerThatIsNotThereIsAClearError() throws IOException {
    int unused = freePort();
    assertThatThrownBy(
            () ->
                ArtemisMessageBus.start(
                    ArtemisOptions.builder().brokerUrl("tcp://127.0.0.1:" + unused).build()))
        .isInstanceOf(MessageBusException.class)
        .hasMessageContaining("Cannot connect");
  }

  // ---------------------------------------------------------------- helpers

  private static String fresh() {
    return "it-" + UUID.randomUUID();
  }

  private static SessionReceiver receiver(String queue, String session) throws MessageBusException {
    return bus.receiver(Source.queue(queue), Optional.of(session));
  }

  private static void publish(String queue, String session, String body)
      throws MessageBusException {
    try (MessagePublisher publisher = bus.publisher(Destination.queue(queue))) {
      publisher.publish(OutboundMessage.builder(body).sessionId(session).build());
    }
  }

  private static void publishPlain(String queue, String body) throws MessageBusException {
    try (MessagePublisher publisher = bus.publisher(Destination.queue(queue))) {
      publisher.publish(OutboundMessage.builder(body).build());
    }
  }

  private static ReceivedMessage receiveOne(SessionReceiver receiver) throws MessageBusException {
    return receiveAll(receiver, 1).get(0);
  }

  private static List<ReceivedMessage> receiveAll(SessionReceiver receiver, int count)
      throws MessageBusException {
    List<ReceivedMessage> all = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (all.size() < count && System.nanoTime() < deadline) {
      all.addAll(receiver.receive(count - all.size(), Duration.ofMillis(500)));
    }
    assertThat(all).hasSize(count);
    return all;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
