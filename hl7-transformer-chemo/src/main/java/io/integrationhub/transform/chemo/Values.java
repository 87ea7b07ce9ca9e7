package io.integrationhub.transform.chemo;

/** Small value rules shared by the Chemocare mappers. */
final class Values {

  /** The two-character HL7 explicit null. */
  static final String HL7_NULL = "\"\"";

  private Values() {}

  /** Whether {@code value} is empty, only whitespace, or the HL7 explicit null {@code ""}. */
  static boolean isBlankOrNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() || HL7_NULL.equals(stripped);
  }
}
