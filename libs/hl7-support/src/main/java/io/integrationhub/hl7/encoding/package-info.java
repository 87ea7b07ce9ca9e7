/**
 * ER7 delimiters, HL7 escape sequences, and re-encoding of HAPI types as ER7 text with the standard
 * delimiters {@code |^~\&}.
 */
package io.integrationhub.hl7.encoding;
