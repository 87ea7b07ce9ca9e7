package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockReceiverMllpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private static MllpClient clientFor(RunningMock mock) {
    return new MllpClient(MllpClientConfig.builder().host("127.0.0.1").port(mock.port()).build());
  }

  @Test
  void answersAFramedMessageWithTheReferenceAckFieldByField() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        MllpClient client = clientFor(mock)) {
      String reply = client.send(TestMessages.adtA31("CTRL-1"), TIMEOUT);

      AckFields ack = AckFields.of(reply);
      assertThat(ack.msh(2)).isEqualTo("^~\\&");
      assertThat(ack.msh(3)).isEqualTo("MPI^HUB");
      assertThat(ack.msh(4)).isEqualTo("NHS_W");
      assertThat(ack.msh(5)).isEqualTo("PIMS^SYS");
      assertThat(ack.msh(6)).isEqualTo("HOSP_A");
      assertThat(ack.msh(7)).matches("\\d{14}");
      assertThat(ack.msh(8)).isEmpty();
      assertThat(ack.msh(9)).isEqualTo("ACK^A31^ACK");
      assertThat(ack.msh(10)).isEqualTo("CTRL-1");
      assertThat(ack.msh(11)).as("the reference mock always answers P").isEqualTo("P");
      assertThat(ack.msh(12)).isEqualTo("2.5");
      assertThat(ack.msa()).containsExactly("MSA", "AA", "CTRL-1");
      assertThat(reply).endsWith("\r");
    }
  }

  @Test
  void naksAMessageThatContainsFail() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        MllpClient client = clientFor(mock)) {
      String reply = client.send(TestMessages.adtA31("CTRL-2", "FAIL"), TIMEOUT);
      assertThat(AckFields.of(reply).msa()).containsExactly("MSA", "AE", "CTRL-2");
    }
  }

  @Test
  void keepsOneConnectionForManyMessagesAndRecordsThemInOrder() throws Exception {
    Path file = dir.resolve("received.jsonl");
    try (RunningMock mock = RunningMock.start(Map.of("RECEIVED_MESSAGES_FILE", file.toString()));
        MllpClient client = clientFor(mock)) {
      for (int i = 0; i < 200; i++) {
        String reply = client.send(TestMessages.adtA31("SEQ-" + i), TIMEOUT);
        assertThat(AckFields.of(reply).msa(2)).isEqualTo("SEQ-" + i);
      }
    }
    List<JsonNode> journal = RunningMock.journal(file);
    assertThat(journal).hasSize(200);
    for (int i = 0; i < 200; i++) {
      assertThat(journal.get(i).get("controlId").asText()).isEqualTo("SEQ-" + i);
    }
  }

  @Test
  void recordsTheExactMessageTextAndReplyAsOneJsonLine() throws Exception {
    Path file = dir.resolve("nested/received.jsonl");
    String message = TestMessages.adtA31("JSON-1", "FAIL");
    try (RunningMock mock = RunningMock.start(Map.of("RECEIVED_MESSAGES_FILE", file.toString()));
        MllpClient client = clientFor(mock)) {
      client.send(message, TIMEOUT);
    }
    JsonNode entry = RunningMock.journal(file).get(0);
    assertThat(entry.get("message").asText()).isEqualTo(message);
    assertThat(entry.get("reply").asText()).isEqualTo("AE");
    assertThat(entry.get("messageType").asText()).isEqualTo("ADT^A31^ADT_A05");
    assertThat(entry.get("receivedAt").asText()).isNotBlank();
  }

  @Test
  void answersTextThatIsNotHl7WithTheFallbackNack() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        MllpClient client = clientFor(mock)) {
      assertThat(client.send("hello", TIMEOUT)).isEqualTo(AckBuilder.fallbackNack());
    }
  }

  @Test
  void answersInvalidUtf8WithTheFallbackNack() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        RawMllpClient raw = new RawMllpClient("127.0.0.1", mock.port())) {
      byte[] invalid = {0x0B, 'M', 'S', 'H', '|', (byte) 0xC3, (byte) 0x28, 0x1C, 0x0D};
      raw.send(invalid);
      assertThat(raw.readFrame(TIMEOUT)).isEqualTo(AckBuilder.fallbackNack());
    }
  }

  @Test
  void badInputOnOtherConnectionsNeverBlocksAGoodOne() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MAX_MESSAGE_SIZE_BYTES", "2000"));
        RawMllpClient garbage = new RawMllpClient("127.0.0.1", mock.port());
        RawMllpClient halfFrame = new RawMllpClient("127.0.0.1", mock.port());
        RawMllpClient oversize = new RawMllpClient("127.0.0.1", mock.port());
        Socket idle = new Socket("127.0.0.1", mock.port());
        MllpClient good = clientFor(mock)) {
      garbage.send("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      halfFrame.send(("\u000bMSH|^~\\&|HALF").getBytes(StandardCharsets.US_ASCII));
      byte[] big = new byte[5000];
      java.util.Arrays.fill(big, (byte) 'A');
      big[0] = 0x0B;
      oversize.send(big);

      for (int i = 0; i < 20; i++) {
        String reply = good.send(TestMessages.adtA31("GOOD-" + i), TIMEOUT);
        assertThat(AckFields.of(reply).msa()).containsExactly("MSA", "AA", "GOOD-" + i);
      }
      assertThat(oversize.awaitClosedByPeer(TIMEOUT))
          .as("oversize frame closes its connection")
          .isTrue();
      assertThat(idle.isConnected()).isTrue();
    }
  }

  @Test
  void closesAnIdleConnectionAfterTheReadTimeout() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MLLP_READ_TIMEOUT_SECONDS", "1"));
        RawMllpClient idle = new RawMllpClient("127.0.0.1", mock.port())) {
      assertThat(idle.awaitClosedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void healthCheckPortAcceptsConnections() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        Socket probe = new Socket("127.0.0.1", mock.healthCheckPort())) {
      probe.setSoTimeout(2000);
      assertThat(probe.getInputStream().read()).isEqualTo(-1);
    }
  }
}
