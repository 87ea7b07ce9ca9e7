package io.integrationhub.bus.artemis;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the journal holds survives a broker restart: every message, in order, with properties. */
class ArtemisRestartTest {
  private static final String QUEUE = "restart-queue";
  private static final List<String> SESSIONS = List.of("phw-to-mpi", "chemocare-to-mpi", "mpi");
  private static final int PER_SESSION = 40;

  @TempDir Path data;

  @Test
  void publishedMessagesSurviveARestartInOrderPerSession() throws Exception {
    QuietArtemisLogs.apply();
    try (ArtemisMessageBus first = ArtemisMessageBus.start(options())) {
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      try (MessagePublisher publisher = first.publisher(Destination.queue(QUEUE))) {
        for (int i = 0; i < PER_SESSION; i++) {
          for (String session : SESSIONS) {
            sends.add(
                publisher.publishAsync(
                    OutboundMessage.builder(session + "|" + i)
                        .sessionId(session)
                        .messageId(session + "-" + i)
                        .property("CorrelationId", "corr-" + session + "-" + i)
                        .property("WorkflowID", "restart-test")
                        .build()));
          }
        }
        for (CompletableFuture<Void> send : sends) {
          MessageBusException.await(send);
        }
      }
      // one message is held (received, not settled) when the broker stops
      try (SessionReceiver receiver =
          first.receiver(Source.queue(QUEUE), Optional.of(SESSIONS.get(0)))) {
        assertThat(receiver.receive(1, Duration.ofSeconds(5))).hasSize(1);
      }
    }

    try (ArtemisMessageBus second = ArtemisMessageBus.start(options())) {
      for (String session : SESSIONS) {
        List<ReceivedMessage> received = new ArrayList<>();
        try (SessionReceiver receiver =
            second.receiver(Source.queue(QUEUE), Optional.of(session))) {
          long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
          while (received.size() < PER_SESSION && System.nanoTime() < deadline) {
            for (ReceivedMessage m : receiver.receive(20, Duration.ofSeconds(1))) {
              received.add(m);
              m.complete();
            }
          }
          assertThat(receiver.receive(1, Duration.ofMillis(300))).isEmpty();
        }
        assertThat(received).hasSize(PER_SESSION);
        for (int i = 0; i < PER_SESSION; i++) {
          ReceivedMessage m = received.get(i);
          assertThat(m.body()).isEqualTo(session + "|" + i);
          assertThat(m.messageId()).contains(session + "-" + i);
          assertThat(m.sessionId()).contains(session);
          assertThat(m.properties())
              .isEqualTo(
                  Map.of(
                      "CorrelationId", "corr-" + session + "-" + i, "WorkflowID", "restart-test"));
        }
      }
    }
  }

  private ArtemisOptions options() {
    return ArtemisOptions.builder()
        .dataDirectory(data)
        .topology(
            new BusTopology(
                "restart",
                List.of(new QueueSpec(QUEUE, EntitySettings.referenceDefaults(true))),
                List.of()))
        .build();
  }
}
