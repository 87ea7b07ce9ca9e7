package io.integrationhub.hl7.validation;

import static io.integrationhub.hl7.validation.Messages.msh;
import static io.integrationhub.hl7.validation.Messages.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardValidatorTest {

  private static final StandardValidator V25 = StandardValidator.forVersion("2.5");

  @Test
  void acceptsAStandardMessageOfTheConfiguredVersion() {
    assertThat(V25.validate(Messages.PHW_A31).isValid()).isTrue();
    assertThat(V25.validate(Messages.PHW_A31.replace("ADT^A31^ADT_A05", "ADT^A31")).isValid())
        .isTrue();
  }

  @Test
  void validatesMergesWhichTheReferenceAlwaysRejected() {
    assertThat(V25.validate(Messages.PHW_A40).isValid()).isTrue();
  }

  @Test
  void rejectsAnotherVersion() {
    ValidationResult result = V25.validate(Messages.PHW_A31.replace("|2.5", "|2.4"));

    assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.WRONG_VERSION);
    assertThat(result.errorMessage())
        .isEqualTo("Message version 2.4 does not match requested version 2.5");
  }

  @Test
  void rejectsMissingSegmentsAndEmptyRequiredFields() {
    assertThat(
            V25.validate(of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1||A")).errorMessage())
        .isEqualTo(
            "Standard HL7 v2.5 validation failed: The content of element "
                + "'{urn:hl7-org:v2xml}ADT_A05' is not complete. Tag '{urn:hl7-org:v2xml}PV1' "
                + "expected. (path: /ns0:ADT_A05)");
    assertThat(
            V25.validate(of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1", "PV1||U"))
                .errorMessage())
        .isEqualTo(
            "Standard HL7 v2.5 validation failed: Required field PID-5 is empty (segment 3)");
  }

  @Test
  void supportsTheVersionsOfTheFlows() {
    String pims =
        of(
            msh("ADT^A40^ADT_A39", "2.3.1"),
            "EVN|A40|1",
            "PID|||1^^^PIMS^PI||A^B",
            "MRG|2^^^PIMS^PI");

    assertThat(StandardValidator.forVersion("2.3.1").validate(pims).isValid()).isTrue();
    assertThat(StandardValidator.forVersion("2.4").version()).isEqualTo("2.4");
    assertThat(StandardValidator.forVersion("2.5.1").version()).isEqualTo("2.5.1");
  }

  @Test
  void unsupportedVersionIsAConfigurationError() {
    assertThatThrownBy(() -> StandardValidator.forVersion("2.9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unsupported HL7 version '2.9'. Supported versions: 2.3.1, 2.4, 2.5, 2.5.1");
  }

  @Test
  void notHl7IsAFailure() {
    assertThat(V25.validate("hello").failure().orElseThrow().kind())
        .isEqualTo(FailureKind.MALFORMED);
  }
}
