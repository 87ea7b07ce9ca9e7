package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.encoding.Delimiters;

/**
 * The first segment of an ER7 text, checked textually: {@code MSH} at index 0, a field separator,
 * valid encoding characters (HL7 v2.5 §2.5.4; a fifth, truncation, character only from v2.7).
 *
 * @param segment the first segment, without terminator
 * @param encodingCharacters MSH-2 exactly as received (4 or 5 characters)
 * @param delimiters the message's delimiters
 */
record HeaderText(String segment, String encodingCharacters, Delimiters delimiters) {

  static HeaderText scan(String er7) throws Hl7ParseException {
    if (er7 == null || er7.isEmpty()) {
      throw new Hl7ParseException(
          "Invalid HL7 message: the text is empty", Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
    }
    if (er7.length() < 4 || !er7.startsWith("MSH")) {
      throw new Hl7ParseException(
          "Invalid HL7 message: the text does not start with an MSH segment",
          Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
    }
    char separator = er7.charAt(3);
    if (Character.isWhitespace(separator) || Character.isISOControl(separator)) {
      throw new Hl7ParseException(
          "Invalid HL7 message: MSH is not followed by a field separator",
          Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
    }
    String segment = er7.substring(0, endOfFirstSegment(er7));
    int encodingEnd = segment.indexOf(separator, 4);
    String encoding = segment.substring(4, encodingEnd < 0 ? segment.length() : encodingEnd);
    Delimiters delimiters;
    try {
      delimiters = Delimiters.of(separator, encoding);
    } catch (IllegalArgumentException e) {
      throw new Hl7ParseException(
          "Invalid HL7 message: " + e.getMessage(), Hl7ErrorCode.DATA_TYPE_ERROR);
    }
    HeaderText header = new HeaderText(segment, encoding, delimiters);
    if (encoding.length() > 5) {
      throw new Hl7ParseException(
          "Invalid HL7 message: Invalid encoding chars: MSH-2 has more than 5 characters",
          Hl7ErrorCode.DATA_TYPE_ERROR);
    }
    if (encoding.length() == 5) {
      char truncation = encoding.charAt(4);
      if (truncation == separator || encoding.indexOf(truncation) < 4) {
        throw new Hl7ParseException(
            "Invalid HL7 message: Invalid encoding chars: Found duplicate encoding chars",
            Hl7ErrorCode.DATA_TYPE_ERROR);
      }
      if (!isAtLeast27(header.firstComponent(header.field(12)))) {
        throw new Hl7ParseException(
            "Invalid HL7 message: Invalid encoding chars: a fifth (truncation) character is"
                + " only allowed from HL7 v2.7",
            Hl7ErrorCode.DATA_TYPE_ERROR);
      }
    }
    return header;
  }

  /** Raw text of MSH-{@code n} (n &gt;= 2) as received, or {@code null} when absent. */
  String field(int n) {
    char separator = delimiters.field();
    int start = 0;
    for (int i = 1; i < n; i++) {
      int next = segment.indexOf(separator, start);
      if (next < 0) {
        return null;
      }
      start = next + 1;
    }
    int end = segment.indexOf(separator, start);
    return segment.substring(start, end < 0 ? segment.length() : end);
  }

  /** The part of a raw field before its first component separator ("" for {@code null}). */
  String firstComponent(String rawField) {
    if (rawField == null) {
      return "";
    }
    int end = rawField.indexOf(delimiters.component());
    return end < 0 ? rawField : rawField.substring(0, end);
  }

  /** HAPI's view of the delimiters, with the received MSH-2 (4 or 5 characters). */
  EncodingCharacters encodingCharactersForHapi() {
    return new EncodingCharacters(delimiters.field(), encodingCharacters);
  }

  private static int endOfFirstSegment(String er7) {
    for (int i = 4; i < er7.length(); i++) {
      char c = er7.charAt(i);
      if (c == '\r' || c == '\n') {
        return i;
      }
    }
    return er7.length();
  }

  private static boolean isAtLeast27(String version) {
    String[] parts = version.split("\\.", -1);
    if (parts.length < 2) {
      return false;
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      return major > 2 || (major == 2 && minor >= 7);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
