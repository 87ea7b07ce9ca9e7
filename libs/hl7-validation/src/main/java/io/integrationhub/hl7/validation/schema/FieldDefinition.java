package io.integrationhub.hl7.validation.schema;

/**
 * One field of a segment as the schema declares it.
 *
 * @param element the field element name, e.g. {@code PID.3}
 * @param number the field number, e.g. {@code 3}
 * @param minOccurs minimum repetitions (1 = required)
 * @param maxOccurs maximum repetitions, {@link #UNBOUNDED} when unlimited
 * @param type the field's data type
 */
public record FieldDefinition(
    String element, int number, int minOccurs, int maxOccurs, DataType type) {

  /** {@link #maxOccurs()} of a field without a repetition limit. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Whether the field may repeat (repetitions become separate elements). */
  public boolean repeats() {
    return maxOccurs > 1;
  }
}
