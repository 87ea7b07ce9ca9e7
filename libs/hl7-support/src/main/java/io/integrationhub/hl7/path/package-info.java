/**
 * Field access by path on HAPI messages: {@link io.integrationhub.hl7.path.Hl7Path} is a parsed
 * path such as {@code PID.3[2].4.1}, {@link io.integrationhub.hl7.path.Hl7Fields} reads and writes
 * the values it points at, as ER7 text with the standard delimiters.
 */
package io.integrationhub.hl7.path;
