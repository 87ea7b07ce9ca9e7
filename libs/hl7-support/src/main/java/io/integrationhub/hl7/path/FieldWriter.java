package io.integrationhub.hl7.path;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractSegment;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.util.Terser;
import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Er7Encoder;
import io.integrationhub.hl7.encoding.Hl7Escaping;
import java.util.regex.Pattern;

/**
 * Writes ER7 text (standard delimiters) into one field repetition, component or sub-component,
 * replacing what was there. Values are split and unescaped the way HAPI's parser does it.
 */
final class FieldWriter {

  private static final Delimiters STD = Delimiters.STANDARD;

  private FieldWriter() {}

  static void write(Segment segment, Hl7Path path, int repetition, String value) {
    rejectDelimiters(path, value);
    try {
      int existing = Er7Encoder.repetitions(segment, path.field()).length;
      Type field = repetition(segment, path.field(), repetition);
      if (!fits(field, path, value)) {
        removeRepetitionsFrom(segment, path.field(), existing);
        throw new IllegalArgumentException(
            "Cannot set " + path + ": the field is a primitive type, it has no sub-components");
      }
      if (path.component() == 0) {
        writeField(field, value);
      } else if (path.subcomponent() == 0) {
        writeComponent(field, path.component(), value);
      } else {
        setLeaf(field, path.component(), path.subcomponent(), value);
      }
    } catch (HL7Exception e) {
      throw new IllegalArgumentException("Cannot set " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A primitive of the version's own model (not a {@code Varies}) has no place for sub-components
   * of its single component: HAPI would store them as further components.
   */
  private static boolean fits(Type field, Hl7Path path, String value) {
    if (!(field instanceof Primitive)) {
      return true;
    }
    if (path.component() == 0) {
      int end = value.indexOf(STD.component());
      String first = end < 0 ? value : value.substring(0, end);
      return first.indexOf(STD.subcomponent()) < 0;
    }
    if (path.component() == 1) {
      return path.subcomponent() == 0
          ? value.indexOf(STD.subcomponent()) < 0
          : path.subcomponent() == 1;
    }
    return true;
  }

  private static void writeField(Type field, String value) throws HL7Exception {
    field.clear();
    String[] components = split(value, STD.component());
    for (int c = 0; c < components.length; c++) {
      String[] subcomponents = split(components[c], STD.subcomponent());
      for (int s = 0; s < subcomponents.length; s++) {
        if (!subcomponents[s].isEmpty()) {
          setLeaf(field, c + 1, s + 1, subcomponents[s]);
        }
      }
    }
  }

  private static void writeComponent(Type field, int component, String value) throws HL7Exception {
    Terser.getPrimitive(field, component, 1);
    if (unwrap(field) instanceof Primitive && component == 1) {
      // The field itself is the component; its extra components are the other components.
      Terser.getPrimitive(field, 1, 1).setValue(null);
    } else {
      Er7Encoder.component(field, component).clear();
    }
    String[] subcomponents = split(value, STD.subcomponent());
    for (int s = 0; s < subcomponents.length; s++) {
      if (!subcomponents[s].isEmpty()) {
        setLeaf(field, component, s + 1, subcomponents[s]);
      }
    }
  }

  private static void setLeaf(Type field, int component, int subcomponent, String er7)
      throws HL7Exception {
    String value = er7.isEmpty() ? null : Hl7Escaping.unescape(er7, STD);
    Terser.getPrimitive(field, component, subcomponent).setValue(value);
  }

  private static Type repetition(Segment segment, int field, int repetition) throws HL7Exception {
    int existing = segment.getField(field).length;
    for (int r = existing; r < repetition; r++) {
      segment.getField(field, r);
    }
    return segment.getField(field, repetition - 1);
  }

  /** Undoes the repetitions {@link #repetition} added, so a refused value leaves no trace. */
  private static void removeRepetitionsFrom(Segment segment, int field, int keep)
      throws HL7Exception {
    if (segment instanceof AbstractSegment editable) {
      for (int r = Er7Encoder.repetitions(segment, field).length - 1; r >= keep; r--) {
        editable.removeRepetition(field, r);
      }
    }
  }

  private static Type unwrap(Type type) {
    Type t = type;
    while (t instanceof Varies v && v.getData() != null) {
      t = v.getData();
    }
    return t;
  }

  private static void rejectDelimiters(Hl7Path path, String value) {
    String forbidden;
    if (path.component() == 0) {
      forbidden = "|~\r\n";
    } else if (path.subcomponent() == 0) {
      forbidden = "|~^\r\n";
    } else {
      forbidden = "|~^&\r\n";
    }
    for (int i = 0; i < value.length(); i++) {
      if (forbidden.indexOf(value.charAt(i)) >= 0) {
        throw new IllegalArgumentException(
            "Cannot set "
                + path
                + ": the value contains a delimiter that does not belong at that level"
                + " (escape text with Hl7Escaping.escapeText)");
      }
    }
  }

  /** Splits on a delimiter, keeping empty parts ("a^^b" gives three parts). */
  private static String[] split(String value, char delimiter) {
    if (value.isEmpty()) {
      return new String[0];
    }
    return value.split(Pattern.quote(String.valueOf(delimiter)), -1);
  }
}
