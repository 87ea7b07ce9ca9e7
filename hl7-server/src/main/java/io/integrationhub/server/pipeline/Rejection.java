package io.integrationhub.server.pipeline;

import io.integrationhub.hl7.Hl7ErrorCode;

/**
 * A message the server does not accept.
 *
 * @param kind the category
 * @param detail the explanation (event error_details, NAK text): rule texts, segment and field
 *     names, never patient data
 * @param errorCode ERR-3 of a negative ACK
 */
public record Rejection(RejectionKind kind, String detail, Hl7ErrorCode errorCode) {

  /** A rejection with the kind's own error code. */
  public static Rejection of(RejectionKind kind, String detail) {
    return new Rejection(kind, detail, kind.errorCode());
  }
}
