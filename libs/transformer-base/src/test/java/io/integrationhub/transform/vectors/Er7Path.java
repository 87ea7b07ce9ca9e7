package io.integrationhub.transform.vectors;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of the conformance README convention, {@code SEG[segrep].field[rep].component.sub}, all
 * 1-based; a part that is not given is 0 ({@code segmentRepetition} and {@code fieldRepetition}
 * default to 1 when read).
 *
 * @param segment the segment id, e.g. {@code PID}
 * @param segmentRepetition {@code [n]} after the segment id, 1 when absent
 * @param field the field number, 0 for a bare segment
 * @param fieldRepetition {@code [n]} after the field, 0 when not given (reads the first)
 * @param component the component number, 0 when not given
 * @param subcomponent the subcomponent number, 0 when not given
 */
public record Er7Path(
    String segment,
    int segmentRepetition,
    int field,
    int fieldRepetition,
    int component,
    int subcomponent) {

  private static final Pattern SYNTAX =
      Pattern.compile(
          "([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?(?:\\.(\\d+)(?:\\[(\\d+)])?(?:\\.(\\d+)(?:\\.(\\d+))?)?)?");

  /** Parses {@code text}, empty when it is not a valid path (indexes must be 1 or more). */
  public static Optional<Er7Path> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int segmentRepetition = number(m.group(2), 1);
    int field = number(m.group(3), 0);
    int fieldRepetition = number(m.group(4), 0);
    int component = number(m.group(5), 0);
    int subcomponent = number(m.group(6), 0);
    if (segmentRepetition < 1
        || (m.group(3) != null && field < 1)
        || (m.group(4) != null && fieldRepetition < 1)
        || (m.group(5) != null && component < 1)
        || (m.group(6) != null && subcomponent < 1)) {
      return Optional.empty();
    }
    return Optional.of(
        new Er7Path(
            m.group(1), segmentRepetition, field, fieldRepetition, component, subcomponent));
  }

  /** Like {@link #parse} but throws {@link IllegalArgumentException} for an invalid path. */
  public static Er7Path of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("Invalid path: " + text));
  }

  private static int number(String digits, int absent) {
    if (digits == null) {
      return absent;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** True for a bare segment id such as {@code PID} or {@code NK1[2]}. */
  public boolean isSegment() {
    return field == 0;
  }

  /** True for a whole field without repetition, component or subcomponent, e.g. {@code PID.3}. */
  public boolean isField() {
    return field > 0 && fieldRepetition == 0 && component == 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(segment);
    if (segmentRepetition != 1) {
      sb.append('[').append(segmentRepetition).append(']');
    }
    if (field > 0) {
      sb.append('.').append(field);
      if (fieldRepetition > 0) {
        sb.append('[').append(fieldRepetition).append(']');
      }
      if (component > 0) {
        sb.append('.').append(component);
        if (subcomponent > 0) {
          sb.append('.').append(subcomponent);
        }
      }
    }
    return sb.toString();
  }
}
