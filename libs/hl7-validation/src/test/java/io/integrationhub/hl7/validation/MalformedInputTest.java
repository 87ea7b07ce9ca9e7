package io.integrationhub.hl7.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.xml.SchemaLessConverter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, validation returns a result: every prefix of a valid message, and thousands
 * of random corruptions of it, through every flow. An exception escaping would fail the test.
 */
class MalformedInputTest {

  private static final Hl7Validation VALIDATION = Hl7Validation.builtIn();
  private static final String ALPHABET = "|^~\\&\r\n\u0000\u0001 AZaz09MSHPIDEVN_.\"\uFFFF\uD800é";

  @Test
  void everyPrefixOfAValidMessageGivesAResult() {
    String message = Messages.PHW_A31;
    for (String flow : VALIDATION.flows()) {
      FlowValidator validator = VALIDATION.flow(flow);
      for (int length = 0; length <= message.length(); length++) {
        ValidationResult result = validator.validateAndConvert(message.substring(0, length));
        assertThat(result.isValid() || !result.errorMessage().isBlank()).isTrue();
      }
    }
  }

  @Test
  void randomCorruptionsGiveAResult() {
    Random random = new Random(20261121);
    FlowValidator phw = VALIDATION.flow("phw");
    for (int i = 0; i < 5_000; i++) {
      StringBuilder message = new StringBuilder(Messages.PHW_A31);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(message.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (random.nextInt(3)) {
          case 0 -> message.setCharAt(at, c);
          case 1 -> message.insert(at, c);
          default -> message.deleteCharAt(at);
        }
      }
      ValidationResult result = phw.validateAndConvert(message.toString());
      assertThat(result.isValid() || !result.errorMessage().isBlank()).isTrue();
      assertThat(result.failure().map(f -> f.kind()))
          .as("no internal errors: %s", result)
          .isNotEqualTo(java.util.Optional.of(FailureKind.INTERNAL));
      try {
        SchemaLessConverter.convert(message.toString());
      } catch (Exception expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
