package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.bytesUntilClosed;
import static io.integrationhub.server.ServerTestMessages.field;
import static io.integrationhub.server.ServerTestMessages.phwA31;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import io.integrationhub.server.pipeline.RejectionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The invariant "AA only after the bus has the message durably": with the bus failing, no message
 * is acknowledged; and what was acknowledged survives a broker restart.
 */
class AckAfterDurablePublishTest {

  private static final Duration READ = Duration.ofSeconds(10);

  @Test
  void whenPublishingFailsThereIsNoAckTheConnectionClosesAndTheBusIsReportedDown()
      throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of())) {
      assertThat(server.send(phwA31("BEFORE1"))).isPresent();
      assertThat(busHealth(server)).isEqualTo(Status.UP);
      server.bus().close();
      int eventsBefore = server.events().size();

      try (RawMllpClient client = server.connect()) {
        client.sendFrame(phwA31("LOST1"));

        assertThat(bytesUntilClosed(client, READ)).as("bytes before the close").isEmpty();
      }

      List<Event> events = ServerTestMessages.eventsSince(server, eventsBefore);
      assertThat(events)
          .extracting(Event::eventType)
          .doesNotContain(EventType.MESSAGE_PROCESSED)
          .containsOnlyOnce(EventType.MESSAGE_FAILED);
      Event failed =
          events.stream().filter(e -> e.eventType() == EventType.MESSAGE_FAILED).findFirst().get();
      assertThat(failed.validationResult()).isEqualTo("Message could not be queued");
      assertThat(failed.validationResult())
          .isEqualTo(RejectionKind.BUS_UNAVAILABLE.validationResult());
      assertThat(failed.errorDetails()).contains("local-inthub-phw-transformer-ingress");
      assertThat(events).allMatch(e -> failed.correlationId().equals(e.correlationId()));
      assertThat(server.busHealth().snapshot().up()).isFalse();
      assertThat(busHealth(server)).isEqualTo(Status.DOWN);
    }
  }

  @Test
  void withNakOnErrorABusFailureIsAnArWithApplicationInternalError() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of("NAK_ON_ERROR", "true"));
        RawMllpClient client = server.connect()) {
      server.bus().close();
      int eventsBefore = server.events().size();

      client.sendFrame(phwA31("LOST2"));
      String nak = client.readFrame(READ);

      assertThat(field(nak, "MSA", 1)).isEqualTo("AR");
      assertThat(field(nak, "MSA", 2)).isEqualTo("LOST2");
      assertThat(field(nak, "MSA", 3)).isNotEmpty();
      assertThat(field(nak, "ERR", 3)).isEqualTo("207^Application internal error^HL70357");
      assertThat(ServerTestMessages.eventsSince(server, eventsBefore, EventType.MESSAGE_FAILED))
          .extracting(Event::validationResult)
          .containsExactly("Message could not be queued");
      assertThat(busHealth(server)).isEqualTo(Status.DOWN);

      // The connection stays open: the next message gets its answer (still AR, the bus is gone).
      client.sendFrame(phwA31("LOST3"));
      assertThat(field(client.readFrame(READ), "MSA", 2)).isEqualTo("LOST3");
    }
  }

  @Test
  void acknowledgedMessagesAreStillOnTheQueueAfterABrokerRestart() throws Exception {
    List<String> acknowledged = new ArrayList<>();
    try (ServerHarness server = ServerHarness.start(Map.of())) {
      try (RawMllpClient client = server.connect()) {
        for (int i = 1; i <= 5; i++) {
          String controlId = "DURABLE" + i;
          client.sendFrame(phwA31(controlId));
          String ack = client.readFrame(READ);
          assertThat(field(ack, "MSA", 1)).isEqualTo("AA");
          acknowledged.add(field(ack, "MSA", 2));
        }
      }
      String queue = server.settings().egress().name();

      try (MessageBus restarted = server.restartBroker();
          SessionReceiver receiver =
              restarted.receiver(Source.queue(queue), Optional.of("phw-to-mpi"))) {
        List<ReceivedMessage> found = new ArrayList<>();
        while (found.size() < acknowledged.size()) {
          List<ReceivedMessage> batch = receiver.receive(10, Duration.ofSeconds(5));
          if (batch.isEmpty()) {
            break;
          }
          receiver.completeAll(batch);
          found.addAll(batch);
        }

        assertThat(found)
            .extracting(m -> m.messageId().orElse(""))
            .containsExactlyElementsOf(acknowledged);
        assertThat(found.get(0).body()).isEqualTo(phwA31("DURABLE1"));
      }
    }
  }

  private static Status busHealth(ServerHarness server) {
    return new ServerConfiguration()
        .messageBusHealthIndicator(server.settings(), server.busHealth())
        .health()
        .getStatus();
  }
}
