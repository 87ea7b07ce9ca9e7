package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import io.integrationhub.mockreceiver.MockReceiverService;
import io.integrationhub.mockreceiver.MockReceiverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MPI gets every message of the session exactly in the order it was published. */
class SenderOrderingTest {

  private static final int COUNT = 1000;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> expectedControlIds() {
    List<String> ids = new ArrayList<>(COUNT);
    for (int i = 1; i <= COUNT; i++) {
      ids.add(SenderTestMessages.controlId("ORD", i));
    }
    return ids;
  }

  @ParameterizedTest(name = "MOCK_CLOSE_AFTER_ACK={0}")
  @ValueSource(booleans = {false, true})
  void theMockReceiverGetsAThousandMessagesInOrder(boolean closeAfterAck, @TempDir Path dir)
      throws IOException {
    Path journal = dir.resolve("received.jsonl");
    Map<String, String> env =
        Map.of(
            "PORT",
            "0",
            "HEALTH_CHECK_PORT",
            "0",
            "RECEIVED_MESSAGES_FILE",
            journal.toString(),
            "MOCK_CLOSE_AFTER_ACK",
            Boolean.toString(closeAfterAck));
    MockReceiverService mpi = MockReceiverService.withoutBus(MockReceiverSettings.from(env::get));
    mpi.start();
    try (SenderHarness sender =
        SenderHarness.start(
            Map.of(
                "RECEIVER_MLLP_HOST",
                "127.0.0.1",
                "RECEIVER_MLLP_PORT",
                Integer.toString(mpi.mllpPort())))) {
      sender.publish(SenderTestMessages.numbered("ORD", COUNT), Map.of());

      assertThat(
              Poll.until(
                  () ->
                      sender.events(EventType.MESSAGE_SENT).size() == COUNT
                          || !sender.deadLetters().isEmpty(),
                  WAIT))
          .isTrue();

      assertThat(sender.deadLetters()).isEmpty();
      assertThat(sender.events(EventType.MESSAGE_SENT)).hasSize(COUNT);
      assertThat(sender.counter("messages_sent")).isEqualTo(COUNT);
      assertThat(sender.drainIngress()).isEmpty();
    } finally {
      mpi.stop();
    }

    List<String> controlIds = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    List<String> connections = new ArrayList<>();
    for (String line : Files.readAllLines(journal)) {
      JsonNode entry = JSON.readTree(line);
      controlIds.add(entry.get("controlId").asText());
      replies.add(entry.get("reply").asText());
      connections.add(entry.get("connection").asText());
    }
    assertThat(controlIds).containsExactlyElementsOf(expectedControlIds());
    assertThat(replies).containsOnly("AA");
    if (closeAfterAck) {
      assertThat(connections).as("one connection per message").doesNotHaveDuplicates();
    } else {
      assertThat(connections.stream().distinct().count())
          .as("a persistent connection")
          .isLessThan(COUNT / 10);
    }
  }

  @Test
  void faultsNeverReorderOrLoseMessages() {
    Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    Map<String, List<String>> replies = new ConcurrentHashMap<>();
    try (FaultyMllpPeer peer =
            FaultyMllpPeer.start(
                message -> {
                  String id = message.split("\\|")[9];
                  int number = Integer.parseInt(id.substring("ORD".length()));
                  boolean first =
                      sends.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1;
                  List<String> log = replies.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
                  String ack = "MSH|^~\\&|100|100|252|252|20250101||ACK|X|P|2.5\rMSA|";
                  if (first && number % 97 == 0) {
                    log.add("CLOSE");
                    return PeerBehaviour.closeBeforeReply();
                  }
                  if (first && number % 131 == 0) {
                    log.add("AE");
                    return PeerBehaviour.reply(ack + "AE|" + id);
                  }
                  if (first && number % 151 == 0) {
                    log.add("WRONG");
                    return PeerBehaviour.reply(ack + "AA|NOT" + id);
                  }
                  log.add("AA");
                  return PeerBehaviour.reply(ack + "AA|" + id);
                });
        SenderHarness sender =
            SenderHarness.start(
                Map.of(
                    "RECEIVER_MLLP_HOST", peer.host(),
                    "RECEIVER_MLLP_PORT", Integer.toString(peer.port())))) {
      sender.publish(SenderTestMessages.numbered("ORD", COUNT), Map.of());

      assertThat(
              Poll.until(
                  () ->
                      sender.events(EventType.MESSAGE_SENT).size() == COUNT
                          || !sender.deadLetters().isEmpty(),
                  WAIT))
          .isTrue();

      assertThat(sender.deadLetters()).isEmpty();
      assertThat(sender.drainIngress()).isEmpty();

      List<String> received = peer.receivedMessages().stream().map(m -> m.split("\\|")[9]).toList();
      List<String> collapsed = new ArrayList<>();
      for (String id : received) {
        if (collapsed.isEmpty() || !collapsed.getLast().equals(id)) {
          collapsed.add(id);
        }
      }
      assertThat(collapsed).containsExactlyElementsOf(expectedControlIds());

      // The faults really happened: 10 closes, 7 AEs, 6 wrong MSA-2, each then accepted.
      assertThat(received).hasSize(COUNT + 10 + 7 + 6);
      assertThat(replies.values().stream().flatMap(List::stream).filter("CLOSE"::equals))
          .hasSize(10);
      assertThat(replies.values().stream().flatMap(List::stream).filter("AE"::equals)).hasSize(7);
      assertThat(replies.values().stream().flatMap(List::stream).filter("WRONG"::equals))
          .hasSize(6);
      assertThat(replies).hasSize(COUNT);
      assertThat(replies)
          .allSatisfy(
              (id, log) -> {
                assertThat(log).as(id).filteredOn("AA"::equals).hasSize(1);
                assertThat(log.getLast()).as(id).isEqualTo("AA");
              });

      assertThat(sender.counter("messages_sent")).isEqualTo(COUNT);
      assertThat(sender.events(EventType.MESSAGE_SENT)).hasSize(COUNT);
      assertThat(sender.events(EventType.MESSAGE_FAILED)).hasSize(7 + 6);
      // A close before the ACK and a wrong MSA-2 leave the outcome unknown; an AE does not.
      assertThat(sender.counter("messages_possible_duplicate")).isEqualTo(10 + 6);
    }
  }
}
