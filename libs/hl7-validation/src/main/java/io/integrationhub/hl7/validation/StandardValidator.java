package io.integrationhub.hl7.validation;

import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.schema.FlowSchemas;
import io.integrationhub.hl7.validation.schema.generate.StandardSchemaSource;
import java.util.Optional;

/**
 * The optional standard validation ({@code HL7_VALIDATION_STANDARD}): the message's version
 * (MSH-12.1) must be the configured one, and the message must conform to that version's standard
 * structure (segments, groups, cardinalities) with every required field present. Failures read
 * {@code Standard HL7 v2.5 validation failed: <reason>}.
 *
 * <p>Unlike the reference's hl7apy check it builds groups (so merges validate), finds the structure
 * without MSH-9.3, and supports v2.3.1; it does not check data-type formats. Thread-safe.
 */
public final class StandardValidator {

  private final String version;
  private final FlowValidator validator;

  private StandardValidator(StandardSchemaSource source) {
    this.version = source.version();
    this.validator = new FlowValidator(new FlowSchemas(source, StandardSchemaSource.FLOW), true);
  }

  /**
   * Standard validation for {@code version}.
   *
   * @throws IllegalArgumentException "Unsupported HL7 version '<v>'. Supported versions: ..."
   */
  public static StandardValidator forVersion(String version) {
    return new StandardValidator(new StandardSchemaSource(version));
  }

  /** The configured version. */
  public String version() {
    return version;
  }

  /** Validates {@code er7}; never throws for a message. */
  public ValidationResult validate(String er7) {
    ValidationResult result = validator.validate(er7);
    Optional<String> messageVersion = messageVersion(er7);
    if (messageVersion.isPresent() && !messageVersion.get().equals(version)) {
      return withFailure(
          result,
          new ValidationFailure(
              FailureKind.WRONG_VERSION,
              "Message version "
                  + messageVersion.get()
                  + " does not match requested version "
                  + version));
    }
    return result
        .failure()
        .map(
            failure ->
                withFailure(
                    result,
                    new ValidationFailure(
                        failure.kind(),
                        "Standard HL7 v" + version + " validation failed: " + failure.message())))
        .orElse(result);
  }

  private static Optional<String> messageVersion(String er7) {
    try {
      Er7Message message = Er7Message.parse(er7);
      String field = message.header().field(12);
      int end = field.indexOf(message.delimiters().component());
      return Optional.of((end < 0 ? field : field.substring(0, end)).strip());
    } catch (Er7FormatException e) {
      return Optional.empty();
    }
  }

  private static ValidationResult withFailure(ValidationResult result, ValidationFailure failure) {
    return new ValidationResult(
        result.flow(),
        result.structure(),
        result.messageCode(),
        result.triggerEvent(),
        result.controlId(),
        Optional.of(failure),
        Optional.empty(),
        result.warnings());
  }
}
