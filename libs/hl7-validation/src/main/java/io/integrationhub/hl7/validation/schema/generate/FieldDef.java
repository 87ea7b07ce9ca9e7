package io.integrationhub.hl7.validation.schema.generate;

/**
 * A field of a segment: the element {@code <SEGMENT>.<number>} of data type {@code type}, with its
 * optionality and repetitions.
 */
record FieldDef(int number, String type, Occurs occurs) {

  /** The field's element name within {@code segment}, e.g. {@code PID.3}. */
  String elementName(String segment) {
    return segment + "." + number;
  }
}
