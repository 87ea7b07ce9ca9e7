/**
 * HL7 v2 support for the integration hub, built on HAPI.
 *
 * <ul>
 *   <li>{@link io.integrationhub.hl7.parse}: lenient ER7 parsing and the fast MSH reader.
 *   <li>{@link io.integrationhub.hl7.path}: field access by path ({@code PID.3[2].1}).
 *   <li>{@link io.integrationhub.hl7.ack}: building acknowledgements (receivers) and reading them
 *       (senders).
 *   <li>{@link io.integrationhub.hl7.datetime}: HL7 DTM/TS formatting and strict parsing.
 *   <li>{@link io.integrationhub.hl7.encoding}: delimiters, escaping and re-encoding of HAPI types.
 * </ul>
 *
 * <p>This package holds the vocabulary shared by the sub-packages: {@link Hl7ErrorCode}.
 */
package io.integrationhub.hl7;
