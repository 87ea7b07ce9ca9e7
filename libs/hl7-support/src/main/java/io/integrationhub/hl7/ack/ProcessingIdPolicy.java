package io.integrationhub.hl7.ack;

/** What an ACK says in MSH-11 (processing id). */
public enum ProcessingIdPolicy {
  /**
   * The inbound MSH-11 whole field ({@code T}, {@code P^A}...), or {@code P} when it is empty: what
   * the reference MLLP server does (HL7 v2.5 §2.9.2.2).
   */
  COPY_INBOUND,
  /** Always {@code P}: what the reference mock receiver does. */
  FIXED_P
}
