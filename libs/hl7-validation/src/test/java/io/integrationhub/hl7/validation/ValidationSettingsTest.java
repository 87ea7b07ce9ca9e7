package io.integrationhub.hl7.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationSettingsTest {

  @Test
  void defaultsToBuiltInSchemasAndNoStandardValidation() {
    ValidationSettings settings = ValidationSettings.from(Map.of());

    assertThat(settings.schemaDirectory()).isEmpty();
    assertThat(settings.standardVersion()).isEmpty();
    assertThat(
            ValidationSettings.from(
                Map.of("HL7_VALIDATION_STANDARD", " ", "HL7_VALIDATION_SCHEMA_DIR", "")))
        .isEqualTo(settings);
  }

  @Test
  void readsTheReferenceVariableNames() {
    ValidationSettings settings =
        ValidationSettings.from(
            Map.of(
                "HL7_VALIDATION_SCHEMA_DIR", "/etc/hub/xsd", "HL7_VALIDATION_STANDARD", " 2.5 "));

    assertThat(settings.schemaDirectory()).contains(Path.of("/etc/hub/xsd"));
    assertThat(settings.standardVersion()).contains("2.5");
  }
}
