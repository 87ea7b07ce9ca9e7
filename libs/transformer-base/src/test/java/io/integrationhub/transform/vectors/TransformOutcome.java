package io.integrationhub.transform.vectors;

import java.util.Objects;
import java.util.Optional;

/**
 * What the system under test did with a vector's input: the runner's view of one pipeline run.
 *
 * @param succeeded whether processing succeeded (message completed rather than abandoned)
 * @param sent the ER7 text sent to the egress queue, empty when nothing was sent
 * @param received {@code validation_result} of the MESSAGE_RECEIVED audit event, if any
 * @param processed {@code validation_result} of the MESSAGE_PROCESSED audit event, if any
 * @param failedValidation {@code validation_result} of the MESSAGE_FAILED audit event, if any
 * @param failedError {@code error_details} of the MESSAGE_FAILED audit event, if any
 */
public record TransformOutcome(
    boolean succeeded,
    Optional<String> sent,
    Optional<String> received,
    Optional<String> processed,
    Optional<String> failedValidation,
    Optional<String> failedError) {

  /** Checks the components are not null. */
  public TransformOutcome {
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(processed, "processed");
    Objects.requireNonNull(failedValidation, "failedValidation");
    Objects.requireNonNull(failedError, "failedError");
  }

  /** A successful run that sent {@code sent} and audited received/processed texts. */
  public static TransformOutcome success(String sent, String received, String processed) {
    return new TransformOutcome(
        true,
        Optional.of(sent),
        Optional.ofNullable(received),
        Optional.ofNullable(processed),
        Optional.empty(),
        Optional.empty());
  }

  /** A failed run that sent nothing and audited the received text and MESSAGE_FAILED texts. */
  public static TransformOutcome failure(
      String received, String failedValidation, String failedError) {
    return new TransformOutcome(
        false,
        Optional.empty(),
        Optional.ofNullable(received),
        Optional.empty(),
        Optional.ofNullable(failedValidation),
        Optional.ofNullable(failedError));
  }

  /**
   * Runs one inbound body through {@code transformer} as the pipeline of spec §2.4 would and
   * records what it did: the output and audit texts, or the failure texts (bad data, or not HL7 at
   * all, which the reference reports as an unexpected processing error).
   */
  public static TransformOutcome of(
      io.integrationhub.transform.FlowTransformer transformer, String body) {
    String received = transformer.receivedAuditText();
    try {
      io.integrationhub.transform.Transformed result = transformer.transform(body);
      return success(result.message(), received, result.processedAuditText());
    } catch (io.integrationhub.transform.TransformException e) {
      return failure(received, transformer.failedAuditText(e), transformer.failedErrorText(e));
    }
  }
}
