/**
 * The HL7 sender: delivers the messages of one bus session to MPI (or another downstream system)
 * over MLLP, throttled and in order, completing each only after an ACK of that very message.
 */
package io.integrationhub.sender;
