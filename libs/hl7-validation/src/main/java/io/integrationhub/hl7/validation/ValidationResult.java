package io.integrationhub.hl7.validation;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one message. Never carries patient data except in {@link #xml()}, which
 * holds the whole converted message when it was asked for and the message is valid.
 *
 * @param flow the flow (schema set) used
 * @param structure the message structure, e.g. {@code ADT_A05}; empty when it could not be found
 * @param messageCode MSH-9.1, {@code ""} when unknown
 * @param triggerEvent MSH-9.2, {@code ""} when unknown
 * @param controlId MSH-10 as received, {@code ""} when unknown
 * @param failure why the message is invalid; empty when it is valid
 * @param xml the HL7 v2 XML, when requested and valid
 * @param warnings parts of the message the XML cannot hold (fields beyond the schema, ...)
 */
public record ValidationResult(
    String flow,
    String structure,
    String messageCode,
    String triggerEvent,
    String controlId,
    Optional<ValidationFailure> failure,
    Optional<String> xml,
    List<String> warnings) {

  /** Copies the warnings. */
  public ValidationResult {
    warnings = List.copyOf(warnings);
  }

  /** Whether the message passed. */
  public boolean isValid() {
    return failure.isEmpty();
  }

  /** The failure text, or {@code ""} for a valid message. */
  public String errorMessage() {
    return failure.map(ValidationFailure::message).orElse("");
  }

  @Override
  public String toString() {
    return "ValidationResult[flow="
        + flow
        + ", structure="
        + structure
        + ", type="
        + messageCode
        + "^"
        + triggerEvent
        + ", valid="
        + isValid()
        + failure.map(f -> ", " + f.kind() + ": " + f.message()).orElse("")
        + (warnings.isEmpty() ? "" : ", warnings=" + warnings)
        + "]";
  }
}
