package io.integrationhub.bus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The message-store record and the client's fire-and-forget sending, against a fake publisher. */
class MessageStoreClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> TRACKING =
      Map.of(
          "MessageReceivedAt", "2025-01-02T03:04:05.678Z",
          "CorrelationId", "c0ffee00-0000-4000-8000-000000000001",
          "SourceSystem", "252",
          "WorkflowID", "phw-to-mpi");

  @Test
  void theRecordHasEveryFieldInOrder() throws Exception {
    FakePublisher publisher = new FakePublisher(message -> CompletableFuture.completedFuture(null));
    try (MessageStoreClient store =
        new MessageStoreClient(publisher, "phw_hl7_server", "MPI", "phw-to-mpi")) {
      store.save("MSH|^~\\&|252", Optional.of("<ADT_A05/>"), TRACKING);
    }

    assertThat(publisher.sent).hasSize(1);
    OutboundMessage sent = publisher.sent.get(0);
    assertThat(sent.sessionId()).isEmpty();
    assertThat(sent.messageId()).isEmpty();
    assertThat(sent.properties()).isEmpty();
    JsonNode record = JSON.readTree(sent.body());
    assertThat(fieldNames(record))
        .containsExactly(
            "MessageReceivedAt",
            "CorrelationId",
            "SourceSystem",
            "ProcessingComponent",
            "TargetSystem",
            "RawPayload",
            "XmlPayload",
            "SessionId");
    assertThat(record.get("MessageReceivedAt").asText()).isEqualTo("2025-01-02T03:04:05.678Z");
    assertThat(record.get("CorrelationId").asText())
        .isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(record.get("SourceSystem").asText()).isEqualTo("252");
    assertThat(record.get("ProcessingComponent").asText()).isEqualTo("phw_hl7_server");
    assertThat(record.get("TargetSystem").asText()).isEqualTo("MPI");
    assertThat(record.get("RawPayload").asText()).isEqualTo("MSH|^~\\&|252");
    assertThat(record.get("XmlPayload").asText()).isEqualTo("<ADT_A05/>");
    assertThat(record.get("SessionId").asText()).isEqualTo("phw-to-mpi");
  }

  @Test
  void missingPropertiesAreEmptyStringsAndMissingXmlIsNull() throws Exception {
    FakePublisher publisher = new FakePublisher(message -> CompletableFuture.completedFuture(null));
    try (MessageStoreClient store = new MessageStoreClient(publisher, "sender", "MPI", "mpi")) {
      store.save("MSH|", Optional.empty(), Map.of());
    }

    JsonNode record = JSON.readTree(publisher.sent.get(0).body());
    assertThat(record.get("MessageReceivedAt").isTextual()).isTrue();
    assertThat(record.get("MessageReceivedAt").asText()).isEmpty();
    assertThat(record.get("CorrelationId").asText()).isEmpty();
    assertThat(record.get("SourceSystem").asText()).isEmpty();
    assertThat(record.has("XmlPayload")).isTrue();
    assertThat(record.get("XmlPayload").isNull()).isTrue();
  }

  @Test
  void recordsAreSentInOrder() throws Exception {
    FakePublisher publisher = new FakePublisher(message -> CompletableFuture.completedFuture(null));
    try (MessageStoreClient store = new MessageStoreClient(publisher, "sender", "MPI", "mpi")) {
      for (int i = 0; i < 100; i++) {
        store.save("MSG-" + i, Optional.empty(), TRACKING);
      }
    }

    List<String> payloads = new ArrayList<>();
    for (OutboundMessage message : publisher.sent) {
      payloads.add(JSON.readTree(message.body()).get("RawPayload").asText());
    }
    assertThat(payloads)
        .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "MSG-" + i).toList());
    assertThat(publisher.closed).isTrue();
  }

  @Test
  void aFailingPublisherNeverReachesTheCaller() {
    List<String> attempts = new CopyOnWriteArrayList<>();
    FakePublisher publisher =
        new FakePublisher(
            message -> {
              String payload = payload(message);
              attempts.add(payload);
              return switch (payload) {
                case "refused" -> CompletableFuture.failedFuture(new MessageBusException("down"));
                case "thrown" -> throw new IllegalStateException("publisher closed");
                default -> CompletableFuture.completedFuture(null);
              };
            });
    MessageStoreClient store = new MessageStoreClient(publisher, "sender", "MPI", "mpi");

    assertThatCode(
            () -> {
              store.save("refused", Optional.empty(), TRACKING);
              store.save("thrown", Optional.empty(), TRACKING);
              store.save("after", Optional.empty(), TRACKING);
              store.close();
              store.save("after close", Optional.empty(), TRACKING);
            })
        .doesNotThrowAnyException();

    // The failures did not stop the sending thread; nothing is sent after the close.
    assertThat(attempts).containsExactly("refused", "thrown", "after");
    assertThat(publisher.closed).isTrue();
  }

  private static String payload(OutboundMessage message) {
    try {
      return JSON.readTree(message.body()).get("RawPayload").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Records what is sent; answers each send with the given function. */
  private static final class FakePublisher implements MessagePublisher {
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final Function<OutboundMessage, CompletableFuture<Void>> answer;
    volatile boolean closed;

    FakePublisher(Function<OutboundMessage, CompletableFuture<Void>> answer) {
      this.answer = answer;
    }

    @Override
    public Destination destination() {
      return Destination.queue("local-inthub-messagestore");
    }

    @Override
    public CompletableFuture<Void> publishAsync(OutboundMessage message) {
      sent.add(message);
      return answer.apply(message);
    }

    @Override
    public void publishBatch(List<OutboundMessage> messages) {
      throw new UnsupportedOperationException("the message store sends one record at a time");
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
