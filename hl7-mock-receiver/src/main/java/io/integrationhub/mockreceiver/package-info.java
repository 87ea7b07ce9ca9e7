/**
 * The MPI stand-in: receives HL7 over MLLP, answers with an ACK chosen by configurable rules, and
 * records what it received so tests and people can see what MPI got.
 */
package io.integrationhub.mockreceiver;
