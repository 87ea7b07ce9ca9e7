package io.integrationhub.hl7.encoding;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import java.util.Objects;

/**
 * Reads HAPI types as ER7 text with the standard delimiters {@code |^~\&}, whatever delimiters the
 * message was received with. Values are escaped as by {@link Hl7Escaping#escape(String)}.
 *
 * <p>Reading never changes the model: unlike HAPI's {@code Terser}, asking for a component that
 * does not exist returns {@code ""} and adds nothing. Component and sub-component numbers are
 * 1-based and relative to a field (one repetition), following HAPI's model: the extra components of
 * a primitive field are its components 2..n; those of a primitive component are its sub-components.
 */
public final class Er7Encoder {

  private static final Delimiters STD = Delimiters.STANDARD;

  private Er7Encoder() {}

  /** One field repetition, components joined by {@code ^}, trailing empty components dropped. */
  public static String encodeField(Type field) {
    Objects.requireNonNull(field, "field");
    StringBuilder out = new StringBuilder();
    appendField(out, field, STD);
    return out.toString();
  }

  /** Component {@code component} of a field, sub-components joined by {@code &}; "" if absent. */
  public static String encodeComponent(Type field, int component) {
    Objects.requireNonNull(field, "field");
    StringBuilder out = new StringBuilder();
    appendComponent(out, field, component, STD);
    return out.toString();
  }

  /** One sub-component of a field, escaped; "" if absent. */
  public static String encodeSubcomponent(Type field, int component, int subcomponent) {
    Type leaf = subcomponent(field, component, subcomponent);
    return leaf == null ? "" : Hl7Escaping.escape(value(leaf), STD);
  }

  /**
   * A whole segment without terminator, with the standard delimiters. For MSH, FHS and BHS, fields
   * 1 and 2 are written as {@code |^~\&}.
   */
  public static String encodeSegment(Segment segment) {
    return encodeSegment(segment, STD);
  }

  /**
   * A whole segment without terminator, with the given delimiters; trailing empty fields are
   * dropped, an empty segment is just its id. For MSH, FHS and BHS, fields 1 and 2 are the given
   * delimiters (a fifth, truncation, character of the segment's own MSH-2 is kept when the other
   * four are the given ones).
   */
  public static String encodeSegment(Segment segment, Delimiters delimiters) {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(delimiters, "delimiters");
    StringBuilder out = new StringBuilder(128);
    String name = segment.getName();
    out.append(name);
    int first = 1;
    if (definesDelimiters(name)) {
      out.append(delimiters.field()).append(encodingCharacters(segment, delimiters));
      first = 3;
    }
    int lastNonEmpty = out.length();
    for (int i = first; i <= segment.numFields(); i++) {
      int start = out.length();
      out.append(delimiters.field());
      Type[] reps = repetitions(segment, i);
      for (int r = 0; r < reps.length; r++) {
        if (r > 0) {
          out.append(delimiters.repetition());
        }
        appendField(out, reps[r], delimiters);
      }
      if (out.length() > start + 1) {
        lastNonEmpty = out.length();
      }
    }
    out.setLength(lastNonEmpty);
    return out.toString();
  }

  /** Whether the segment is one whose fields 1 and 2 hold the delimiters (MSH, FHS, BHS). */
  public static boolean definesDelimiters(String segmentName) {
    return "MSH".equals(segmentName) || "FHS".equals(segmentName) || "BHS".equals(segmentName);
  }

  /** The repetitions of field {@code number} (1-based) of a segment; empty if absent. */
  public static Type[] repetitions(Segment segment, int number) {
    if (number < 1 || number > segment.numFields()) {
      return new Type[0];
    }
    try {
      return segment.getField(number);
    } catch (HL7Exception e) {
      throw new IllegalStateException("HAPI refused an existing field number", e);
    }
  }

  /** Number of components of a field (standard ones plus extra ones HAPI added on parsing). */
  public static int componentCount(Type field) {
    Type t = unwrap(field);
    int standard = t instanceof Composite c ? c.getComponents().length : 1;
    return standard + t.getExtraComponents().numComponents();
  }

  /** Number of sub-components of component {@code component} of a field; 0 if absent. */
  public static int subcomponentCount(Type field, int component) {
    if (unwrap(field) instanceof Primitive && component == 1) {
      return 1;
    }
    Type comp = component(field, component);
    return comp == null ? 0 : componentCount(comp);
  }

  /** Component {@code n} (1-based) of a field, or {@code null} when absent. */
  public static Type component(Type field, int n) {
    Type t = unwrap(field);
    int extraIndex;
    if (t instanceof Composite c) {
      Type[] standard = c.getComponents();
      if (n >= 1 && n <= standard.length) {
        return standard[n - 1];
      }
      extraIndex = n - standard.length - 1;
    } else {
      if (n == 1) {
        return t;
      }
      extraIndex = n - 2;
    }
    ExtraComponents extra = t.getExtraComponents();
    return extraIndex >= 0 && extraIndex < extra.numComponents()
        ? extra.getComponent(extraIndex)
        : null;
  }

  /** Sub-component {@code s} of component {@code c} of a field, or {@code null} when absent. */
  public static Type subcomponent(Type field, int c, int s) {
    if (unwrap(field) instanceof Primitive && c == 1) {
      return s == 1 ? unwrap(field) : null;
    }
    Type comp = component(field, c);
    return comp == null ? null : component(comp, s);
  }

  /**
   * The raw (unescaped) value of a type: a primitive's value, or the value of the first primitive
   * found by descending through first components; never {@code null}.
   */
  public static String value(Type type) {
    Type t = unwrap(type);
    while (t instanceof Composite c) {
      Type[] parts = c.getComponents();
      if (parts.length == 0) {
        return "";
      }
      t = unwrap(parts[0]);
    }
    String v = t instanceof Primitive p ? p.getValue() : null;
    return v == null ? "" : v;
  }

  private static String encodingCharacters(Segment segment, Delimiters delimiters) {
    String wanted = delimiters.encodingCharacters();
    Type[] msh2 = repetitions(segment, 2);
    String own = msh2.length == 0 ? "" : value(msh2[0]);
    return own.length() == 5 && own.startsWith(wanted) ? own : wanted;
  }

  private static void appendField(StringBuilder out, Type field, Delimiters d) {
    int n = componentCount(field);
    int keep = out.length();
    for (int i = 1; i <= n; i++) {
      if (i > 1) {
        out.append(d.component());
      }
      int before = out.length();
      appendComponent(out, field, i, d);
      if (out.length() > before) {
        keep = out.length();
      }
    }
    out.setLength(keep);
  }

  private static void appendComponent(StringBuilder out, Type field, int component, Delimiters d) {
    int n = subcomponentCount(field, component);
    int keep = out.length();
    for (int j = 1; j <= n; j++) {
      if (j > 1) {
        out.append(d.subcomponent());
      }
      Type leaf = subcomponent(field, component, j);
      String v = leaf == null ? "" : value(leaf);
      if (!v.isEmpty()) {
        out.append(Hl7Escaping.escape(v, d));
        keep = out.length();
      }
    }
    out.setLength(keep);
  }

  private static Type unwrap(Type type) {
    Type t = type;
    while (t instanceof Varies v && v.getData() != null) {
      t = v.getData();
    }
    return t;
  }
}
