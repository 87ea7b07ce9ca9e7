package io.integrationhub.hl7.validation.er7;

import io.integrationhub.hl7.encoding.Delimiters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ER7 message split into segments and fields with its own delimiters (MSH-1 and MSH-2), without
 * interpreting any field. Fast and allocation-light: the validation path uses it instead of a full
 * HAPI parse.
 *
 * <p>Segments end with CR; a CR LF pair counts as one terminator and a single terminator after the
 * last segment is allowed. A bare LF, an empty segment or a malformed segment id is an {@link
 * Er7FormatException}.
 */
public final class Er7Message {

  private final Delimiters delimiters;
  private final List<Er7Segment> segments;

  private Er7Message(Delimiters delimiters, List<Er7Segment> segments) {
    this.delimiters = delimiters;
    this.segments = segments;
  }

  /** The message's delimiters. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /** Every segment in wire order; the first is MSH. */
  public List<Er7Segment> segments() {
    return segments;
  }

  /** The MSH segment. */
  public Er7Segment header() {
    return segments.get(0);
  }

  /**
   * Splits {@code text} into segments and fields.
   *
   * @throws Er7FormatException when it is not a well-formed ER7 message
   */
  public static Er7Message parse(String text) throws Er7FormatException {
    if (text == null || text.isBlank()) {
      throw new Er7FormatException("Not an HL7 message: the message is empty");
    }
    if (!text.startsWith("MSH") || text.length() < 8) {
      throw new Er7FormatException("Not an HL7 message: it does not start with an MSH segment");
    }
    char fieldSeparator = text.charAt(3);
    if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
      throw new Er7FormatException("Not an HL7 message: MSH-1 is not a valid field separator");
    }
    Delimiters delimiters = delimiters(text, fieldSeparator);
    List<Er7Segment> segments = new ArrayList<>(8);
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = segmentEnd(text, start, segments.size() + 1);
      segments.add(segment(text, start, end, fieldSeparator, segments.size() + 1));
      start = end + 1;
      if (start < length && text.charAt(start) == '\n') {
        start++;
      }
    }
    return new Er7Message(delimiters, Collections.unmodifiableList(segments));
  }

  private static Delimiters delimiters(String text, char fieldSeparator) throws Er7FormatException {
    int end = 4;
    while (end < text.length()
        && text.charAt(end) != fieldSeparator
        && text.charAt(end) != '\r'
        && text.charAt(end) != '\n') {
      end++;
    }
    String encodingCharacters = text.substring(4, end);
    if (encodingCharacters.length() < 4 || encodingCharacters.length() > 5) {
      throw new Er7FormatException(
          "Not an HL7 message: MSH-2 must hold the four encoding characters");
    }
    try {
      return Delimiters.of(fieldSeparator, encodingCharacters);
    } catch (IllegalArgumentException e) {
      throw new Er7FormatException("Not an HL7 message: MSH-2 repeats a delimiter");
    }
  }

  private static int segmentEnd(String text, int start, int position) throws Er7FormatException {
    int cr = text.indexOf('\r', start);
    int end = cr < 0 ? text.length() : cr;
    int lf = text.indexOf('\n', start);
    if (lf >= 0 && lf < end) {
      throw new Er7FormatException(
          "Segment " + position + " ends with LF: segments must be separated by CR");
    }
    if (end == start) {
      throw new Er7FormatException("Segment " + position + " is empty (two CRs in a row)");
    }
    return end;
  }

  private static Er7Segment segment(
      String text, int start, int end, char fieldSeparator, int position)
      throws Er7FormatException {
    if (end - start < 3 || (end - start > 3 && text.charAt(start + 3) != fieldSeparator)) {
      throw new Er7FormatException(
          "Segment " + position + " does not start with a three-character segment id");
    }
    String name = text.substring(start, start + 3);
    if (!validName(name)) {
      throw new Er7FormatException("Segment " + position + " has an invalid segment id");
    }
    List<String> fields = new ArrayList<>(16);
    fields.add(name);
    int from = start + 4;
    if ("MSH".equals(name)) {
      fields.add(String.valueOf(fieldSeparator));
    }
    if (end - start > 3) {
      while (true) {
        int next = text.indexOf(fieldSeparator, from);
        if (next < 0 || next >= end) {
          fields.add(text.substring(from, end));
          break;
        }
        fields.add(text.substring(from, next));
        from = next + 1;
      }
    }
    return new Er7Segment(name, position, Collections.unmodifiableList(fields));
  }

  private static boolean validName(String name) {
    if (name.charAt(0) < 'A' || name.charAt(0) > 'Z') {
      return false;
    }
    for (int i = 1; i < 3; i++) {
      char c = name.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits {@code text} on {@code separator}; always at least one piece. Used for repetitions,
   * components and sub-components.
   */
  public static List<String> split(String text, char separator) {
    int next = text.indexOf(separator);
    if (next < 0) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>(8);
    int from = 0;
    while (next >= 0) {
      pieces.add(text.substring(from, next));
      from = next + 1;
      next = text.indexOf(separator, from);
    }
    pieces.add(text.substring(from));
    return pieces;
  }
}
