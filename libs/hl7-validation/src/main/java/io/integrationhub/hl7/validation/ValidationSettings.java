package io.integrationhub.hl7.validation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Validation configuration from the environment, with the reference hub's variable names.
 *
 * @param schemaDirectory {@code HL7_VALIDATION_SCHEMA_DIR}: a directory laid out like the
 *     reference's schema resources that replaces the built-in schemas; empty = built-in
 * @param standardVersion {@code HL7_VALIDATION_STANDARD}: the HL7 version for the optional standard
 *     validation; empty = off
 */
public record ValidationSettings(Optional<Path> schemaDirectory, Optional<String> standardVersion) {

  /** Variable naming the schema directory. */
  public static final String SCHEMA_DIR = "HL7_VALIDATION_SCHEMA_DIR";

  /** Variable naming the standard-validation version. */
  public static final String STANDARD = "HL7_VALIDATION_STANDARD";

  /** Reads the settings; blank values mean "not set". */
  public static ValidationSettings from(Map<String, String> env) {
    return new ValidationSettings(
        nonBlank(env.get(SCHEMA_DIR)).map(Path::of), nonBlank(env.get(STANDARD)));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
