package io.integrationhub.hl7.validation.er7;

import java.util.List;

/**
 * One segment of an ER7 message, split into fields with the message's own field separator.
 *
 * <p>{@code field(n)} is HL7 field {@code n}: for MSH, field 1 is the field separator itself and
 * field 2 the encoding characters, as HL7 numbers them.
 *
 * @param name the three-character segment id, e.g. {@code PID}
 * @param position 1-based position of the segment in the message
 * @param fields the field texts; index 0 is the segment id, index {@code n} field {@code n}
 */
public record Er7Segment(String name, int position, List<String> fields) {

  /** Field {@code number} as received, {@code ""} when absent. */
  public String field(int number) {
    return number > 0 && number < fields.size() ? fields.get(number) : "";
  }

  /** The highest field number present (trailing empty fields included). */
  public int fieldCount() {
    return fields.size() - 1;
  }
}
