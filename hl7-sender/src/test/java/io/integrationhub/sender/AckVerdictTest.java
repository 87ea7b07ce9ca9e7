package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.SharedConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ACK rules of spec §6 on the shared vectors (MSH-10 / MSA-2 123456), plus the MSA-2 check. */
class AckVerdictTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ack-AA.hl7, Accepted",
    "ack-CA.hl7, Accepted",
    "ack-AE.hl7, Negative",
    "ack-AR.hl7, Negative",
    "non-ack-adt-a01.hl7, NotAnAck",
    "malformed-ack.txt, NotAnAck"
  })
  void sharedVectors(String file, String verdict) {
    String reply = SharedConformance.read("hl7-sender/" + file);

    assertThat(AckVerdict.of(reply, "123456").getClass().getSimpleName()).isEqualTo(verdict);
  }

  @Test
  void aPositiveAckOfAnotherMessageIsNotAcceptance() {
    AckVerdict verdict =
        AckVerdict.of("MSH|^~\\&|A|B|C|D|20250101||ACK|9|P|2.5\rMSA|AA|999", "123");

    assertThat(verdict).isInstanceOf(AckVerdict.WrongControlId.class);
    assertThat(verdict.summary()).contains("999").contains("not the message sent");
  }

  @ParameterizedTest(name = "MSA-1 {0}")
  @CsvSource({"AE", "AR", "CE", "CR", "XX"})
  void everyOtherCodeIsNegative(String code) {
    AckVerdict verdict =
        AckVerdict.of("MSH|^~\\&|A|B|C|D|20250101||ACK|9|P|2.5\rMSA|" + code + "|123|Busy", "123");

    assertThat(verdict).isInstanceOf(AckVerdict.Negative.class);
    assertThat(verdict.summary()).isEqualTo(code + " (Busy)");
  }

  @Test
  void emptyReplyIsNotAnAck() {
    assertThat(AckVerdict.of("", "1")).isInstanceOf(AckVerdict.NotAnAck.class);
  }

  @Test
  void framingAroundTheReplyIsTolerated() {
    assertThat(AckVerdict.of("\u000bMSH|^~\\&|||||||ACK|1|P|2.5\rMSA|CA|1\r\u001c\r", "1"))
        .isInstanceOf(AckVerdict.Accepted.class);
  }
}
