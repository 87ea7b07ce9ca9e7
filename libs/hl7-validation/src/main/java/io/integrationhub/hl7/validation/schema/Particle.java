package io.integrationhub.hl7.validation.schema;

/**
 * One entry of a message or group sequence: a segment or a group element.
 *
 * @param name the element name, e.g. {@code PID} or {@code ADT_A39.PATIENT}
 * @param minOccurs minimum occurrences
 * @param maxOccurs maximum occurrences, {@link FieldDefinition#UNBOUNDED} when unlimited
 */
public record Particle(String name, int minOccurs, int maxOccurs) {}
