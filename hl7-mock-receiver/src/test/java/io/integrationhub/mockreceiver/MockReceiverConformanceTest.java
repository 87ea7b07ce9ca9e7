package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference mock's test vectors from {@code ../shared/conformance/hl7-mock-receiver}. */
class MockReceiverConformanceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static Path vectors;

  @BeforeAll
  static void locateVectors() {
    vectors =
        Path.of(
            System.getProperty("hub.shared.dir", "../../shared"),
            "conformance",
            "hl7-mock-receiver");
    assumeTrue(
        Files.isDirectory(vectors), "Skipped: shared conformance data not found at " + vectors);
  }

  private static String vector(String name) throws IOException {
    return Files.readString(vectors.resolve(name), StandardCharsets.UTF_8);
  }

  private static String send(String message) throws Exception {
    try (RunningMock mock = RunningMock.start(Map.of());
        MllpClient client =
            new MllpClient(
                MllpClientConfig.builder().host("127.0.0.1").port(mock.port()).build())) {
      return client.send(message, TIMEOUT);
    }
  }

  @Test
  void acknowledgesTheReferenceA31AsTheReferenceDoes() throws Exception {
    AckFields ack = AckFields.of(send(vector("inbound-adt-a31.hl7")));
    assertThat(String.join("|", ack.msh()).replaceFirst("\\|\\d{14}\\|", "|<now>|"))
        .isEqualTo("MSH|^~\\&|100|100|252|252|<now>||ACK^A31^ACK|202505052323364444|P|2.5");
    assertThat(ack.msa()).containsExactly("MSA", "AA", "202505052323364444");
  }

  @Test
  void naksTheReferenceFailTrigger() throws Exception {
    AckFields ack = AckFields.of(send(vector("inbound-adt-a31-fail-trigger.hl7")));
    assertThat(ack.msh(9)).isEqualTo("ACK^A31^ACK");
    assertThat(ack.msa()).containsExactly("MSA", "AE", "202505052323364444");
  }

  @Test
  void acceptsAnyMessageTypeLikeTheReference() throws Exception {
    AckFields ack = AckFields.of(send(vector("unsupported-adt-a01-single-segment.hl7")));
    assertThat(ack.msh(9)).isEqualTo("ACK^A01^ACK");
    assertThat(ack.msa()).containsExactly("MSA", "AA", "0123456789");
  }

  @Test
  void fallbackNackIsTheReferenceText() throws Exception {
    assertThat(AckBuilder.fallbackNack().stripTrailing())
        .isEqualTo(vector("fallback-nack.hl7").stripTrailing());
  }
}
