package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.MllpConnectionClosedException;
import io.integrationhub.mllp.MllpReplyTimeoutException;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test switches the reference mock lacks, so sender tests can drive every failure path. */
class MockReceiverSwitchesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String RULES =
      "code-ar=AR;code-ce=CE;code-cr=CR;code-ca=CA;no-ack=NO_ACK;drop=CLOSE;bad-id=WRONG_MSA2;"
          + "junk=GARBAGE";

  private static MllpClient clientFor(RunningMock mock) {
    return new MllpClient(MllpClientConfig.builder().host("127.0.0.1").port(mock.port()).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AR", "CE", "CR", "CA"})
  void answersTheAckCodeTheRuleNames(String code) throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        MllpClient client = clientFor(mock)) {
      String reply = client.send(TestMessages.adtA31("R-1", "code-" + code), TIMEOUT);
      assertThat(AckFields.of(reply).msa()).containsExactly("MSA", code, "R-1");
    }
  }

  @Test
  void noAckRuleLeavesTheSenderWaitingButTheConnectionOpen() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        RawMllpClient raw = new RawMllpClient("127.0.0.1", mock.port())) {
      raw.sendFrame(TestMessages.adtA31("N-1", "no-ack"));
      assertThatThrownBy(() -> raw.readFrame(Duration.ofMillis(500))).as("no reply arrives");
      raw.sendFrame(TestMessages.adtA31("N-2"));
      assertThat(AckFields.of(raw.readFrame(TIMEOUT)).msa(2)).isEqualTo("N-2");
    }
  }

  @Test
  void noAckRuleMakesTheClientTimeOut() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        MllpClient client = clientFor(mock)) {
      assertThatThrownBy(
              () -> client.send(TestMessages.adtA31("N-3", "no-ack"), Duration.ofMillis(300)))
          .isInstanceOf(MllpReplyTimeoutException.class);
    }
  }

  @Test
  void closeRuleClosesWithoutReply() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        MllpClient client = clientFor(mock)) {
      assertThatThrownBy(() -> client.send(TestMessages.adtA31("C-1", "drop"), TIMEOUT))
          .isInstanceOf(MllpConnectionClosedException.class);
      assertThat(AckFields.of(client.send(TestMessages.adtA31("C-2"), TIMEOUT)).msa(2))
          .as("the next send reconnects")
          .isEqualTo("C-2");
    }
  }

  @Test
  void wrongMsa2RuleAcknowledgesAnotherControlId() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        MllpClient client = clientFor(mock)) {
      AckFields ack = AckFields.of(client.send(TestMessages.adtA31("W-1", "bad-id"), TIMEOUT));
      assertThat(ack.msa(1)).isEqualTo("AA");
      assertThat(ack.msa(2)).isNotEqualTo("W-1").startsWith("W-1");
    }
  }

  @Test
  void garbageRuleAnswersWithTextThatIsNotHl7() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_RULES", RULES));
        MllpClient client = clientFor(mock)) {
      assertThat(client.send(TestMessages.adtA31("G-1", "junk"), TIMEOUT))
          .isEqualTo(ReplyPlanner.GARBAGE_REPLY);
    }
  }

  @Test
  void delaysEveryAck() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_ACK_DELAY_MS", "300"));
        MllpClient client = clientFor(mock)) {
      long start = System.nanoTime();
      client.send(TestMessages.adtA31("D-1"), TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void splitAckStillArrivesAsOneWholeFrame() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_SPLIT_ACK", "true"));
        MllpClient client = clientFor(mock)) {
      for (int i = 0; i < 3; i++) {
        AckFields ack = AckFields.of(client.send(TestMessages.adtA31("S-" + i), TIMEOUT));
        assertThat(ack.msa()).containsExactly("MSA", "AA", "S-" + i);
      }
    }
  }

  @Test
  void closeAfterAckMimicsTheReferenceOneMessagePerConnection() throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of("MOCK_CLOSE_AFTER_ACK", "true"));
        RawMllpClient raw = new RawMllpClient("127.0.0.1", mock.port())) {
      raw.sendFrame(TestMessages.adtA31("K-1"));
      assertThat(AckFields.of(raw.readFrame(TIMEOUT)).msa(2)).isEqualTo("K-1");
      assertThat(raw.awaitClosedByPeer(TIMEOUT)).isTrue();
    }
  }
}
