package io.integrationhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.Hl7Validation;
import org.junit.jupiter.api.Test;

class SampleMessagesTest {

  @Test
  void phwSampleIsAboutOneAndAHalfKilobytesOfCrSeparatedHl7() {
    String sample = SampleMessages.phwA31();
    assertThat(sample).startsWith("MSH|^~\\&|").contains("\rPID|").doesNotContain("\n");
    assertThat(sample.length()).isBetween(1400, 1600);
  }

  @Test
  void validationSamplesAreValidForTheirFlows() {
    Hl7Validation validation = Hl7Validation.builtIn();

    assertThat(validation.flow("phw").validate(SampleMessages.phwA31WithoutZSegment()).isValid())
        .isTrue();
    assertThat(validation.flow("chemo").validate(SampleMessages.chemoA28()).isValid()).isTrue();
    assertThat(validation.flow("phw").validate(SampleMessages.phwA31()).isValid()).isFalse();
  }

  @Test
  void replacesOnlyMsh10() {
    String message = "MSH|^~\\&|A|B|C|D|20260101||ADT^A31^ADT_A05|OLD|P|2.5\rPID|1||OLD";
    assertThat(SampleMessages.withControlId(message, "NEW"))
        .isEqualTo("MSH|^~\\&|A|B|C|D|20260101||ADT^A31^ADT_A05|NEW|P|2.5\rPID|1||OLD");
  }

  @Test
  void replacesMsh10WhenItIsTheLastField() {
    assertThat(SampleMessages.withControlId("MSH|^~\\&|A|B|C|D|T||ADT^A31|OLD", "NEW"))
        .isEqualTo("MSH|^~\\&|A|B|C|D|T||ADT^A31|NEW");
  }

  @Test
  void ackCheckRequiresAPositiveCodeAndTheSameControlId() {
    assertThat(AckCheck.acknowledges("MSH|^~\\&|x\rMSA|AA|ID-1\r", "ID-1")).isTrue();
    assertThat(AckCheck.acknowledges("MSH|^~\\&|x\rMSA|CA|ID-1|text\r", "ID-1")).isTrue();
    assertThat(AckCheck.acknowledges("MSH|^~\\&|x\rMSA|AE|ID-1\r", "ID-1")).isFalse();
    assertThat(AckCheck.acknowledges("MSH|^~\\&|x\rMSA|AA|ID-12\r", "ID-1")).isFalse();
    assertThat(AckCheck.acknowledges("garbage", "ID-1")).isFalse();
  }
}
