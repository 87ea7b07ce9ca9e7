package io.integrationhub.hl7.ack;

import java.util.Objects;

/**
 * An acknowledgement as read by {@link AckParser}. Text values are unescaped (plain text).
 *
 * @param code MSA-1 when it is one of the six codes, else {@code null}
 * @param rawCode MSA-1 as received (may be empty)
 * @param acknowledgedControlId MSA-2: the control id of the message being acknowledged
 * @param textMessage MSA-3, "" when absent
 * @param errorText the first ERR-8 (user message), else the first ERR-3 text (v2.5), else the first
 *     ERR-1 text (pre-v2.5 ELD code text, or ERR-1 itself when it has no components), else ""
 * @param controlId the ACK's own MSH-10
 */
public record Ack(
    AckCode code,
    String rawCode,
    String acknowledgedControlId,
    String textMessage,
    String errorText,
    String controlId) {

  /** Checks that every text is present (possibly empty); {@code code} may be null. */
  public Ack {
    Objects.requireNonNull(rawCode, "rawCode");
    Objects.requireNonNull(acknowledgedControlId, "acknowledgedControlId");
    Objects.requireNonNull(textMessage, "textMessage");
    Objects.requireNonNull(errorText, "errorText");
    Objects.requireNonNull(controlId, "controlId");
  }

  /** Whether the message was accepted: MSA-1 is exactly {@code AA} or {@code CA}. */
  public boolean isPositive() {
    return code != null && code.isPositive();
  }

  /** Whether MSA-2 is exactly {@code sentControlId} (the MSH-10 of the message sent). */
  public boolean acknowledges(String sentControlId) {
    return acknowledgedControlId.equals(sentControlId);
  }
}
