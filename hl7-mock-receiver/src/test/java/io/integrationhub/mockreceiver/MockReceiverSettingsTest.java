package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockReceiverSettingsTest {

  @Test
  void defaultsAreTheReferenceOnes() {
    MockReceiverSettings settings = MockReceiverSettings.from(Map.<String, String>of()::get);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(2576);
    assertThat(settings.egressQueueName()).isEmpty();
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(1_048_576);
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.ackRules().decide("fail")).isEqualTo(ReplyAction.AE);
    assertThat(settings.ackRules().decide("ok")).isEqualTo(ReplyAction.AA);
    assertThat(settings.ackDelay()).isZero();
    assertThat(settings.splitAck()).isFalse();
    assertThat(settings.closeAfterAck()).isFalse();
    assertThat(settings.receivedMessagesFile()).isEmpty();
    assertThat(settings.healthCheck().port()).isEqualTo(9000);
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "0.0.0.0");
    env.put("PORT", "3576");
    env.put("EGRESS_QUEUE_NAME", "local-inthub-mpi-mock-receiver");
    env.put("EGRESS_SESSION_ID", "mock");
    env.put("MAX_MESSAGE_SIZE_BYTES", "2048");
    env.put("MLLP_READ_TIMEOUT_SECONDS", "3");
    env.put("MLLP_MAX_CONNECTIONS", "7");
    env.put("RECEIVED_MESSAGES_FILE", "/tmp/received.jsonl");
    env.put("MOCK_ACK_RULES", "reject=AR");
    env.put("MOCK_DEFAULT_ACK", "CA");
    env.put("MOCK_ACK_DELAY_MS", "250");
    env.put("MOCK_SPLIT_ACK", "true");
    env.put("MOCK_CLOSE_AFTER_ACK", "yes");
    env.put("HEALTH_CHECK_PORT", "9101");

    MockReceiverSettings settings = MockReceiverSettings.from(env::get);

    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(3576);
    assertThat(settings.egressQueueName()).contains("local-inthub-mpi-mock-receiver");
    assertThat(settings.egressSessionId()).contains("mock");
    assertThat(settings.maxMessageSizeBytes()).isEqualTo(2048);
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.maxConnections()).isEqualTo(7);
    assertThat(settings.receivedMessagesFile()).contains(Path.of("/tmp/received.jsonl"));
    assertThat(settings.ackRules().decide("REJECT me")).isEqualTo(ReplyAction.AR);
    assertThat(settings.ackRules().decide("fail")).isEqualTo(ReplyAction.CA);
    assertThat(settings.ackDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.splitAck()).isTrue();
    assertThat(settings.closeAfterAck()).isTrue();
    assertThat(settings.healthCheck().port()).isEqualTo(9101);
  }

  @Test
  void messageSizeFollowsTheReferenceRules() {
    assertThat(
            MockReceiverSettings.from(Map.of("MAX_MESSAGE_SIZE_BYTES", "0")::get)
                .maxMessageSizeBytes())
        .isEqualTo(1_048_576);
    assertThat(
            MockReceiverSettings.from(Map.of("MAX_MESSAGE_SIZE_BYTES", "-5")::get)
                .maxMessageSizeBytes())
        .isEqualTo(1_048_576);
    assertThat(
            MockReceiverSettings.from(Map.of("MAX_MESSAGE_SIZE_BYTES", "104857600")::get)
                .maxMessageSizeBytes())
        .isEqualTo(104_857_600);
    assertThatThrownBy(
            () -> MockReceiverSettings.from(Map.of("MAX_MESSAGE_SIZE_BYTES", "104857601")::get))
        .hasMessageContaining("MAX_MESSAGE_SIZE_BYTES must not exceed 104857600");
  }

  @Test
  void badValuesFailWithTheVariableNamed() {
    assertThatThrownBy(() -> MockReceiverSettings.from(Map.of("PORT", "abc")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORT must be a whole number, was 'abc'");
    assertThatThrownBy(() -> MockReceiverSettings.from(Map.of("PORT", "70000")::get))
        .hasMessage("PORT must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> MockReceiverSettings.from(Map.of("MOCK_SPLIT_ACK", "maybe")::get))
        .hasMessage("MOCK_SPLIT_ACK must be true or false, was 'maybe'");
  }
}
