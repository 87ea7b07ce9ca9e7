package io.integrationhub.hl7.path;

import java.util.Objects;

/**
 * A parsed, immutable field path: {@code SEG[n].field[n].component.subcomponent}, every number
 * 1-based, everything after the segment optional. Keep instances in constants to skip parsing.
 *
 * <table>
 *   <caption>Examples</caption>
 *   <tr><td>{@code PID}</td><td>the first PID segment</td></tr>
 *   <tr><td>{@code PID.3}</td><td>PID-3, first repetition, whole field</td></tr>
 *   <tr><td>{@code PID.3[2]}</td><td>second repetition of PID-3</td></tr>
 *   <tr><td>{@code PID.3[1].4}</td><td>component 4 of the first repetition</td></tr>
 *   <tr><td>{@code PID.3[1].4.1}</td><td>sub-component 1 of that component</td></tr>
 *   <tr><td>{@code OBX[2].5}</td><td>OBX-5 of the second OBX segment in the message</td></tr>
 * </table>
 *
 * <p>An index that is not written is 0 in this record: reading takes the first occurrence, {@link
 * Hl7Fields#getAll} takes every occurrence.
 *
 * @param segment segment id: an upper-case letter then two upper-case letters or digits
 * @param segmentRepetition occurrence of the segment in the message (1-based), 0 when not written
 * @param field field number (1-based), 0 for the whole segment
 * @param fieldRepetition field repetition (1-based), 0 when not written
 * @param component component number (1-based), 0 for the whole field
 * @param subcomponent sub-component number (1-based), 0 for the whole component
 */
public record Hl7Path(
    String segment,
    int segmentRepetition,
    int field,
    int fieldRepetition,
    int component,
    int subcomponent) {

  private static final int MAX_DIGITS = 5;
  private static final String SYNTAX =
      "expected SEG[n].field[n].component.subcomponent with 1-based numbers, e.g. PID.3[1].4.1";

  /** Checks the parts are consistent (a component needs a field, and so on). */
  public Hl7Path {
    Objects.requireNonNull(segment, "segment");
    if (!isSegmentId(segment)) {
      throw new IllegalArgumentException(
          "Invalid HL7 path segment \""
              + segment
              + "\": a letter followed by two letters or digits, upper case");
    }
    if (segmentRepetition < 0
        || field < 0
        || fieldRepetition < 0
        || component < 0
        || subcomponent < 0) {
      throw new IllegalArgumentException("HL7 path numbers are 1-based (0 = not given)");
    }
    if ((fieldRepetition > 0 || component > 0) && field == 0) {
      throw new IllegalArgumentException(
          "An HL7 path with a repetition or component needs a field");
    }
    if (subcomponent > 0 && component == 0) {
      throw new IllegalArgumentException("An HL7 path with a sub-component needs a component");
    }
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException when the text is not a valid path (the message says why)
   */
  public static Hl7Path parse(String path) {
    Objects.requireNonNull(path, "path");
    return new Reader(path).read();
  }

  /** Whether the path names a field (and not just a segment). */
  public boolean hasField() {
    return field > 0;
  }

  /** The path in canonical text form; {@code parse(p.toString())} equals {@code p}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(segment);
    appendIndex(out, segmentRepetition);
    if (field > 0) {
      out.append('.').append(field);
      appendIndex(out, fieldRepetition);
      if (component > 0) {
        out.append('.').append(component);
        if (subcomponent > 0) {
          out.append('.').append(subcomponent);
        }
      }
    }
    return out.toString();
  }

  private static void appendIndex(StringBuilder out, int index) {
    if (index > 0) {
      out.append('[').append(index).append(']');
    }
  }

  private static boolean isSegmentId(String s) {
    return s.length() == 3
        && isUpperLetter(s.charAt(0))
        && (isUpperLetter(s.charAt(1)) || isDigit(s.charAt(1)))
        && (isUpperLetter(s.charAt(2)) || isDigit(s.charAt(2)));
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A one-pass reader of the path text. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    Hl7Path read() {
      if (text.length() < 3 || !isSegmentId(text.substring(0, 3))) {
        throw invalid("it must start with a segment id such as PID");
      }
      pos = 3;
      int segmentRepetition = optionalIndex("segment repetition");
      int field = 0;
      int fieldRepetition = 0;
      int component = 0;
      int subcomponent = 0;
      if (skip('.')) {
        field = number("field");
        fieldRepetition = optionalIndex("field repetition");
        if (skip('.')) {
          component = number("component");
          if (skip('.')) {
            subcomponent = number("sub-component");
          }
        }
      }
      if (pos != text.length()) {
        throw invalid("unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
      }
      return new Hl7Path(
          text.substring(0, 3), segmentRepetition, field, fieldRepetition, component, subcomponent);
    }

    private int optionalIndex(String what) {
      if (!skip('[')) {
        return 0;
      }
      int value = number(what);
      if (!skip(']')) {
        throw invalid("missing ']' after the " + what);
      }
      return value;
    }

    private int number(String what) {
      int start = pos;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw invalid("missing " + what + " number at position " + (start + 1));
      }
      if (pos - start > MAX_DIGITS) {
        throw invalid(what + " number is too large");
      }
      int value = Integer.parseInt(text.substring(start, pos));
      if (value == 0 || text.charAt(start) == '0') {
        throw invalid(what + " numbers are 1-based, without leading zeros");
      }
      return value;
    }

    private boolean skip(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private IllegalArgumentException invalid(String reason) {
      return new IllegalArgumentException(
          "Invalid HL7 path \"" + text + "\": " + reason + "; " + SYNTAX);
    }
  }
}
