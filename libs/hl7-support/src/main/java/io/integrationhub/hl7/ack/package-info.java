/**
 * HL7 acknowledgements: {@link io.integrationhub.hl7.ack.AckBuilder} writes the original-mode ACK a
 * receiver returns (field by field as the reference hub, plus optional ERR support), {@link
 * io.integrationhub.hl7.ack.AckParser} reads the reply a sender gets back.
 */
package io.integrationhub.hl7.ack;
