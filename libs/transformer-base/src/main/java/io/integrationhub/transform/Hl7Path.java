package io.integrationhub.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A terser-like path inside a message, 1-based: {@code SEG[occurrence].field[repetition].component
 * .subcomponent}, e.g. {@code PID.5}, {@code PID.3[2].4.1}, {@code NK1[2].2.1}. Omitted parts mean
 * "first occurrence / first repetition / the whole field / the whole component".
 *
 * @param segment segment id
 * @param occurrence which occurrence of the segment (1 = first)
 * @param field field number (0 = the whole segment)
 * @param repetition repetition (1 = first)
 * @param component component (0 = the whole repetition)
 * @param subcomponent sub-component (0 = the whole component)
 */
public record Hl7Path(
    String segment, int occurrence, int field, int repetition, int component, int subcomponent) {

  private static final Pattern SYNTAX =
      Pattern.compile(
          "([A-Z][A-Z0-9]{2})(?:\\[(\\d+)])?(?:\\.(\\d+)(?:\\[(\\d+)])?(?:\\.(\\d+)(?:\\.(\\d+))?)?)?");

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException for text that is not a path (a programming error in a mapper)
   */
  public static Hl7Path parse(String path) {
    Matcher m = SYNTAX.matcher(path);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not an HL7 path: '" + path + "'");
    }
    return new Hl7Path(
        m.group(1),
        number(m.group(2), 1),
        number(m.group(3), 0),
        number(m.group(4), 1),
        number(m.group(5), 0),
        number(m.group(6), 0));
  }

  private static int number(String text, int absent) {
    return text == null ? absent : Integer.parseInt(text);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(segment);
    if (occurrence != 1) {
      text.append('[').append(occurrence).append(']');
    }
    if (field > 0) {
      text.append('.').append(field);
      if (repetition != 1) {
        text.append('[').append(repetition).append(']');
      }
      if (component > 0) {
        text.append('.').append(component);
        if (subcomponent > 0) {
          text.append('.').append(subcomponent);
        }
      }
    }
    return text.toString();
  }
}
