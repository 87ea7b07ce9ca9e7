package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Spring Boot application starts from environment-style properties and answers MLLP. */
@SpringBootTest(properties = {"PORT=0", "HEALTH_CHECK_PORT=0", "MOCK_ACK_RULES=reject=AR"})
class MockReceiverApplicationTest {

  @Autowired MockReceiverService service;
  @Autowired MockReceiverSettings settings;

  @Test
  void startsFromPropertiesAndAcknowledges() throws Exception {
    assertThat(service.isRunning()).isTrue();
    assertThat(settings.ackRules().decide("reject")).isEqualTo(ReplyAction.AR);
    try (MllpClient client =
        new MllpClient(
            MllpClientConfig.builder().host("127.0.0.1").port(service.mllpPort()).build())) {
      String reply = client.send(TestMessages.adtA31("APP-1", "reject"), Duration.ofSeconds(5));
      assertThat(AckFields.of(reply).msa()).containsExactly("MSA", "AR", "APP-1");
    }
  }
}
