package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference mock's bus copy (hl7-sender.md §11.1): every received message is published to
 * {@code EGRESS_QUEUE_NAME} before the ACK is decided, and a failed publish is answered with AE.
 * Runs the application on an embedded Artemis broker in a temporary directory.
 */
class MockReceiverBusCopyTest {
  private static final String QUEUE = "local-inthub-mpi-mock-receiver";
  private static final String SESSION_QUEUE = "local-inthub-mock-session-egress";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void everyReceivedMessageIsOnTheQueueWithItsExactTextBeforeTheAck() throws Exception {
    try (ConfigurableApplicationContext context = start("EGRESS_QUEUE_NAME=" + QUEUE)) {
      String first = TestMessages.adtA31("BUS-1");
      String failing = TestMessages.adtA31("BUS-2", "FAIL");
      List<String> replies = new ArrayList<>();
      try (MllpClient client = client(context)) {
        replies.add(client.send(first, TIMEOUT));
        replies.add(client.send(failing, TIMEOUT));
      }

      assertThat(AckFields.of(replies.get(0)).msa()).containsExactly("MSA", "AA", "BUS-1");
      // Published first, then the "fail" rule decides the reply, as in the reference.
      assertThat(AckFields.of(replies.get(1)).msa()).containsExactly("MSA", "AE", "BUS-2");
      List<ReceivedMessage> copies = receive(context, Source.queue(QUEUE), Optional.empty(), 2);
      assertThat(copies).extracting(ReceivedMessage::body).containsExactly(first, failing);
      assertThat(copies.get(0).properties()).isEmpty();
      assertThat(copies.get(0).sessionId()).isEmpty();
      assertThat(copies.get(0).messageId()).isEmpty();
    }
  }

  @Test
  void theCopyCarriesTheEgressSessionId() throws Exception {
    try (ConfigurableApplicationContext context =
        start("EGRESS_QUEUE_NAME=" + SESSION_QUEUE, "EGRESS_SESSION_ID=mock")) {
      String message = TestMessages.adtA31("BUS-3");
      try (MllpClient client = client(context)) {
        assertThat(AckFields.of(client.send(message, TIMEOUT)).msa())
            .containsExactly("MSA", "AA", "BUS-3");
      }

      List<ReceivedMessage> copies =
          receive(context, Source.queue(SESSION_QUEUE), Optional.of("mock"), 1);
      assertThat(copies).extracting(ReceivedMessage::body).containsExactly(message);
      assertThat(copies.get(0).sessionId()).contains("mock");
    }
  }

  @Test
  void aFailedPublishIsAnsweredWithAeBuiltFromTheMessage() throws Exception {
    try (ConfigurableApplicationContext context = start("EGRESS_QUEUE_NAME=no-such-queue");
        MllpClient client = client(context)) {
      AckFields first = AckFields.of(client.send(TestMessages.adtA31("BUS-4"), TIMEOUT));
      assertThat(first.msa()).containsExactly("MSA", "AE", "BUS-4");
      assertThat(first.msh(9)).isEqualTo("ACK^A31^ACK");
      assertThat(first.msh(10)).isEqualTo("BUS-4");
      // The mock keeps answering (and keeps trying to publish).
      assertThat(AckFields.of(client.send(TestMessages.adtA31("BUS-5"), TIMEOUT)).msa())
          .containsExactly("MSA", "AE", "BUS-5");
    }
  }

  @Test
  void withoutAnEgressQueueNoBrokerIsStartedAndNothingIsPublished() throws Exception {
    Path dataDir = dir.resolve("artemis");
    try (ConfigurableApplicationContext context = start()) {
      try (MllpClient client = client(context)) {
        assertThat(AckFields.of(client.send(TestMessages.adtA31("BUS-6"), TIMEOUT)).msa())
            .containsExactly("MSA", "AA", "BUS-6");
      }
      assertThat(context.getBeanFactory().containsSingleton("messageBus")).isFalse();
      assertThat(dataDir).doesNotExist();
    }
  }

  @Test
  void anEgressQueueWithoutABusIsAStartError() {
    assertThatThrownBy(() -> start("EGRESS_QUEUE_NAME=" + QUEUE, "MESSAGE_BUS=none").close())
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageContaining("EGRESS_QUEUE_NAME=" + QUEUE + " is set but no message bus");
  }

  private ConfigurableApplicationContext start(String... properties) throws IOException {
    List<String> all = new ArrayList<>();
    all.add("PORT=0");
    all.add("HEALTH_CHECK_PORT=0");
    all.add("MESSAGE_BUS=artemis");
    all.add("ARTEMIS_DATA_DIR=" + dir.resolve("artemis"));
    all.add("MESSAGE_BUS_TOPOLOGY_FILE=" + topology());
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(MockReceiverApplication.class)
        .properties(all.toArray(String[]::new))
        .run();
  }

  private Path topology() throws IOException {
    Path file = dir.resolve("ServiceBusEmulatorConfig.json");
    Files.writeString(
        file,
        """
        {"UserConfig": {"Namespaces": [{"Name": "local-inthub",
          "Queues": [
            {"Name": "%s", "Properties": {"RequiresSession": false, "LockDuration": "PT1M"}},
            {"Name": "%s", "Properties": {"RequiresSession": true, "LockDuration": "PT1M"}}],
          "Topics": []}],
         "Logging": {"Type": "File"}}}
        """
            .formatted(QUEUE, SESSION_QUEUE),
        StandardCharsets.UTF_8);
    return file;
  }

  private static MllpClient client(ConfigurableApplicationContext context) {
    int port = context.getBean(MockReceiverService.class).mllpPort();
    return new MllpClient(MllpClientConfig.builder().host("127.0.0.1").port(port).build());
  }

  private static List<ReceivedMessage> receive(
      ConfigurableApplicationContext context, Source source, Optional<String> session, int count)
      throws Exception {
    MessageBus bus = context.getBean(MessageBus.class);
    List<ReceivedMessage> received = new ArrayList<>();
    try (SessionReceiver receiver = bus.receiver(source, session)) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (received.size() < count && System.nanoTime() < deadline) {
        received.addAll(receiver.receive(count - received.size(), Duration.ofMillis(500)));
      }
      for (ReceivedMessage message : received) {
        message.complete();
      }
    }
    return received;
  }
}
