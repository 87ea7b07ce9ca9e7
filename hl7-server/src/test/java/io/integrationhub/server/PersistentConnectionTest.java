package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.field;
import static io.integrationhub.server.ServerTestMessages.phwA31;
import static io.integrationhub.server.ServerTestMessages.phwA31WithDateOfBirth;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Persistent MLLP connections (spec §8 gap 2, fixed): many messages on one connection, answered in
 * order, one ACK each; frames pipelined in one TCP write are separate messages (the reference
 * merged them into one corrupted payload); with NAK_ON_ERROR a rejected message does not end the
 * connection.
 */
class PersistentConnectionTest {

  private static final Duration READ = Duration.ofSeconds(10);

  @Test
  void manyMessagesOnOneConnectionAndPipelinedFramesAreSeparateMessages() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of())) {
      List<String> controlIds = new ArrayList<>();
      try (RawMllpClient client = server.connect()) {
        for (int i = 1; i <= 100; i++) {
          String controlId = String.format("SEQ%03d", i);
          client.sendFrame(phwA31(controlId));
          String ack = client.readFrame(READ);

          assertThat(field(ack, "MSA", 1)).as("MSA-1 of %s", controlId).isEqualTo("AA");
          assertThat(field(ack, "MSA", 2)).isEqualTo(controlId);
          controlIds.add(controlId);
        }
      }
      List<ReceivedMessage> published = server.drainEgress(200);
      assertThat(published)
          .extracting(m -> m.messageId().orElse(""))
          .containsExactlyElementsOf(controlIds);
      assertThat(published.get(41).body()).isEqualTo(phwA31("SEQ042"));

      // Three frames in one TCP write.
      try (RawMllpClient client = server.connect()) {
        ByteArrayOutputStream write = new ByteArrayOutputStream();
        for (String id : List.of("PIPE1", "PIPE2", "PIPE3")) {
          write.writeBytes(RawMllpClient.frame(phwA31(id)));
        }
        client.send(write.toByteArray());

        List<String> acks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          acks.add(field(client.readFrame(READ), "MSA", 2));
        }
        assertThat(acks).containsExactly("PIPE1", "PIPE2", "PIPE3");
      }
      List<ReceivedMessage> pipelined = server.drainEgress(10);
      assertThat(pipelined)
          .extracting(ReceivedMessage::body)
          .containsExactly(phwA31("PIPE1"), phwA31("PIPE2"), phwA31("PIPE3"));
      assertThat(pipelined)
          .extracting(ReceivedMessage::body)
          .noneMatch(body -> body.indexOf(0x0B) >= 0 || body.indexOf(0x1C) >= 0);
      assertThat(server.events(EventType.MESSAGE_PROCESSED)).hasSize(103);
      assertThat(server.events(EventType.MESSAGE_FAILED)).isEmpty();
    }
  }

  @Test
  void withNakOnErrorARejectedMessageDoesNotBreakTheConnection() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of("NAK_ON_ERROR", "true"));
        RawMllpClient client = server.connect()) {
      List<String> messages =
          List.of(
              phwA31("MID1"),
              phwA31("MID2"),
              phwA31WithDateOfBirth("MID3", "20230229"),
              phwA31("MID4"),
              phwA31("MID5"));
      List<String> codes = new ArrayList<>();
      for (String message : messages) {
        client.sendFrame(message);
        String ack = client.readFrame(READ);
        codes.add(field(ack, "MSA", 2) + ":" + field(ack, "MSA", 1));
      }
      // Also pipelined: a bad frame between two good ones in one write.
      ByteArrayOutputStream write = new ByteArrayOutputStream();
      write.writeBytes(RawMllpClient.frame(phwA31("MID6")));
      write.writeBytes(RawMllpClient.frame(phwA31WithDateOfBirth("MID7", "1987-01-01")));
      write.writeBytes(RawMllpClient.frame(phwA31("MID8")));
      client.send(write.toByteArray());
      for (int i = 0; i < 3; i++) {
        String ack = client.readFrame(READ);
        codes.add(field(ack, "MSA", 2) + ":" + field(ack, "MSA", 1));
      }

      assertThat(codes)
          .containsExactly(
              "MID1:AA", "MID2:AA", "MID3:AE", "MID4:AA", "MID5:AA", "MID6:AA", "MID7:AE",
              "MID8:AA");
      assertThat(server.drainEgress(20))
          .extracting(m -> m.messageId().orElse(""))
          .containsExactly("MID1", "MID2", "MID4", "MID5", "MID6", "MID8");
      assertThat(server.events(EventType.MESSAGE_FAILED)).hasSize(2);
    }
  }
}
