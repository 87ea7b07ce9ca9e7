package io.integrationhub.hl7.validation.schema;

import java.util.List;

/**
 * A segment as the schema declares it: its fields in schema order.
 *
 * @param name the segment id, e.g. {@code PID}
 * @param fields the fields in the order of the schema's sequence
 */
public record SegmentDefinition(String name, List<FieldDefinition> fields) {

  /** Copies the list. */
  public SegmentDefinition {
    fields = List.copyOf(fields);
  }

  /** The highest field number the schema declares. */
  public int lastFieldNumber() {
    int last = 0;
    for (FieldDefinition field : fields) {
      last = Math.max(last, field.number());
    }
    return last;
  }
}
