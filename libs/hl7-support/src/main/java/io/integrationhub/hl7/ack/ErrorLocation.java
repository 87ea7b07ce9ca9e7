package io.integrationhub.hl7.ack;

/**
 * Where an error is (ERR-2, ERL), written {@code SEG^sequence^field}.
 *
 * @param segmentId the segment id, e.g. {@code PID}
 * @param sequence the occurrence of the segment in the message, 1-based
 * @param fieldPosition the field number, 1-based, or 0 when the error is about the whole segment
 */
public record ErrorLocation(String segmentId, int sequence, int fieldPosition) {

  /** Checks the segment id and numbers. */
  public ErrorLocation {
    if (segmentId == null || !segmentId.matches("[A-Z][A-Z0-9]{2}")) {
      throw new IllegalArgumentException("A segment id is three upper-case letters or digits");
    }
    if (sequence < 1 || fieldPosition < 0) {
      throw new IllegalArgumentException(
          "Segment sequence is 1-based; field position is 1-based or 0 for none");
    }
  }

  /** The ERL text: {@code PID^1^3}, or {@code PID^1} without field. */
  public String toEr7() {
    return fieldPosition == 0
        ? segmentId + '^' + sequence
        : segmentId + '^' + sequence + '^' + fieldPosition;
  }
}
