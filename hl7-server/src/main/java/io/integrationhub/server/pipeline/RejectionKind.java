package io.integrationhub.server.pipeline;

import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.ack.AckCode;

/**
 * Why a message was not accepted: the stable {@code validation_result} of its MESSAGE_FAILED event
 * and, with {@code NAK_ON_ERROR}, the negative ACK it gets (AE: the message is wrong, do not resend
 * it unchanged; AR: the hub could not take it, resend later).
 */
public enum RejectionKind {
  NOT_HL7("Invalid HL7 message format", AckCode.AE, Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR),
  NOT_UTF8("Invalid character encoding", AckCode.AE, Hl7ErrorCode.DATA_TYPE_ERROR),
  TOO_LARGE("Message size limit exceeded", AckCode.AE, Hl7ErrorCode.APPLICATION_INTERNAL_ERROR),
  UNSUPPORTED_TYPE("Unsupported message type", AckCode.AE, Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE),
  PARSE_ERROR("HL7 parsing error", AckCode.AE, Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR),
  RULE("HL7 validation failed", AckCode.AE, Hl7ErrorCode.DATA_TYPE_ERROR),
  NO_SCHEMA("No XSD for message structure", AckCode.AE, Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE),
  XSD_INVALID("XML schema validation failed", AckCode.AE, Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR),
  STANDARD_INVALID(
      "Standard HL7 validation failed", AckCode.AE, Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR),
  BUS_UNAVAILABLE(
      "Message could not be queued", AckCode.AR, Hl7ErrorCode.APPLICATION_INTERNAL_ERROR),
  INTERNAL("Internal error", AckCode.AR, Hl7ErrorCode.APPLICATION_INTERNAL_ERROR);

  private final String validationResult;
  private final AckCode nakCode;
  private final Hl7ErrorCode errorCode;

  RejectionKind(String validationResult, AckCode nakCode, Hl7ErrorCode errorCode) {
    this.validationResult = validationResult;
    this.nakCode = nakCode;
    this.errorCode = errorCode;
  }

  /** The MESSAGE_FAILED event's validation_result. */
  public String validationResult() {
    return validationResult;
  }

  /** AE or AR. */
  public AckCode nakCode() {
    return nakCode;
  }

  /** ERR-3 of the negative ACK. */
  public Hl7ErrorCode errorCode() {
    return errorCode;
  }
}
