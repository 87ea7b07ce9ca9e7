package io.integrationhub.bus.artemis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the broker goes away, sends and receives fail clearly: nothing hangs, nothing is "sent". */
class ArtemisConnectionLossTest {
  private static final String QUEUE = "loss-queue";

  @TempDir Path data;

  @Test
  void aPublisherAndAReceiverOfAStoppedBrokerFailWithABusException() throws Exception {
    QuietArtemisLogs.apply();
    int port = ArtemisMessageBusTest.freePort();
    BusTopology topology =
        new BusTopology(
            "loss",
            List.of(new QueueSpec(QUEUE, EntitySettings.referenceDefaults(false))),
            List.of());
    ArtemisMessageBus broker =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(data)
                .acceptorPort(port)
                .topology(topology)
                .build());
    try (ArtemisMessageBus client =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .brokerUrl("tcp://127.0.0.1:" + port)
                .topology(topology)
                .build())) {
      MessagePublisher publisher = client.publisher(Destination.queue(QUEUE));
      SessionReceiver receiver = client.receiver(Source.queue(QUEUE), Optional.empty());
      publisher.publish(OutboundMessage.builder("before").build());

      broker.close();

      CompletableFuture<Void> after =
          publisher
              .publishAsync(OutboundMessage.builder("after").build())
              .orTimeout(30, TimeUnit.SECONDS);
      assertThatThrownBy(() -> MessageBusException.await(after))
          .isInstanceOf(MessageBusException.class)
          .hasMessageNotContaining("TimeoutException");
      assertThatThrownBy(() -> receiver.receive(1, Duration.ofMillis(200)))
          .isInstanceOf(MessageBusException.class);
      receiver.close();
      publisher.close();
    } finally {
      broker.close();
    }
    // the message confirmed before the stop is still there
    try (ArtemisMessageBus restarted =
            ArtemisMessageBus.start(
                ArtemisOptions.builder().dataDirectory(data).topology(topology).build());
        SessionReceiver receiver = restarted.receiver(Source.queue(QUEUE), Optional.empty())) {
      assertThat(receiver.receive(5, Duration.ofSeconds(5)))
          .singleElement()
          .satisfies(m -> assertThat(m.body()).isEqualTo("before"));
    }
  }
}
