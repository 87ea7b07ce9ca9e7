package io.integrationhub.hl7.path;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;
import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Er7Encoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes message values by {@link Hl7Path}, as ER7 text with the standard delimiters
 * {@code |^~\&} whatever delimiters the message uses: a whole field comes back as {@code
 * 123^^^HOSP^MR}, a value holding a delimiter as an escape sequence ({@code \S\}). Use {@link
 * io.integrationhub.hl7.encoding.Hl7Escaping#unescape(String)} for the plain text of a value.
 *
 * <p>Segments are searched anywhere in the message structure, in message order, including inside
 * groups (e.g. the PATIENT group of ADT_A39) and segments HAPI kept as nonstandard (Z-segments,
 * unknown segments). MSH-1 and MSH-2 (and FHS/BHS-1/2) are the delimiters themselves, returned as
 * they are in the message, not escaped.
 *
 * <p>Reading never changes the message and never fails for absent data: it returns {@code ""}.
 */
public final class Hl7Fields {

  private Hl7Fields() {}

  /**
   * The value at {@code path}; an index that is not written means the first one.
   *
   * @throws IllegalArgumentException when the path is malformed
   */
  public static String get(Message message, String path) {
    return get(message, Hl7Path.parse(path));
  }

  /** The value at {@code path}; an index that is not written means the first one. */
  public static String get(Message message, Hl7Path path) {
    Objects.requireNonNull(message, "message");
    Segment segment =
        SegmentLocator.find(message, path.segment(), Math.max(1, path.segmentRepetition()));
    if (segment == null) {
      return "";
    }
    if (!path.hasField()) {
      return Er7Encoder.encodeSegment(segment);
    }
    return valueOf(segment, path, Math.max(1, path.fieldRepetition()));
  }

  /**
   * Every value matching {@code path}, in message order: an index that is not written means all of
   * them. {@code PID.3} gives each repetition of PID-3 of the first PID; {@code OBX.5} gives OBX-5
   * of every OBX; {@code OBX[2].5[1]} at most one value; {@code NK1} every NK1 segment. A segment
   * without the field contributes nothing.
   *
   * @throws IllegalArgumentException when the path is malformed
   */
  public static List<String> getAll(Message message, String path) {
    return getAll(message, Hl7Path.parse(path));
  }

  /** Every value matching {@code path}; see {@link #getAll(Message, String)}. */
  public static List<String> getAll(Message message, Hl7Path path) {
    Objects.requireNonNull(message, "message");
    List<Segment> segments;
    if (path.segmentRepetition() > 0) {
      Segment one = SegmentLocator.find(message, path.segment(), path.segmentRepetition());
      segments = one == null ? List.of() : List.of(one);
    } else {
      segments = SegmentLocator.findAll(message, path.segment());
    }
    List<String> values = new ArrayList<>();
    for (Segment segment : segments) {
      if (!path.hasField()) {
        values.add(Er7Encoder.encodeSegment(segment));
      } else if (isDelimiterField(segment, path.field())) {
        if (path.fieldRepetition() <= 1) {
          values.add(valueOf(segment, path, 1));
        }
      } else {
        int count = Er7Encoder.repetitions(segment, path.field()).length;
        if (path.fieldRepetition() > 0) {
          if (path.fieldRepetition() <= count) {
            values.add(valueOf(segment, path, path.fieldRepetition()));
          }
        } else {
          for (int r = 1; r <= count; r++) {
            values.add(valueOf(segment, path, r));
          }
        }
      }
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * Replaces the value at {@code path} (a field repetition, a component or a sub-component) with
   * {@code value}, ER7 text in the standard delimiters: {@code "Doe^Jane"} for a whole name, a
   * plain value escaped with {@link io.integrationhub.hl7.encoding.Hl7Escaping#escapeText}. An
   * index that is not written means the first one. Missing repetitions and components are added; a
   * missing segment is added when it is the next occurrence (in its declared place, or at the end
   * of the message as a nonstandard segment). Setting MSH-1 or MSH-2 changes the delimiters the
   * message is encoded with.
   *
   * @throws IllegalArgumentException when the path is malformed or names no field, or the value
   *     contains a delimiter that cannot appear at that level ({@code ~} in a field repetition,
   *     {@code ^} in a component...), or the message has no room for it
   */
  public static void set(Message message, String path, String value) {
    set(message, Hl7Path.parse(path), value);
  }

  /** Replaces the value at {@code path}; see {@link #set(Message, String, String)}. */
  public static void set(Message message, Hl7Path path, String value) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(value, "value");
    if (!path.hasField()) {
      throw new IllegalArgumentException(
          "Cannot set " + path + ": a path to set must name a field");
    }
    Segment segment =
        SegmentLocator.findOrCreate(message, path.segment(), Math.max(1, path.segmentRepetition()));
    if (isDelimiterField(segment, path.field())) {
      setDelimiterField(segment, path, value);
    } else {
      FieldWriter.write(segment, path, Math.max(1, path.fieldRepetition()), value);
    }
  }

  private static String valueOf(Segment segment, Hl7Path path, int repetition) {
    if (isDelimiterField(segment, path.field())) {
      boolean whole = repetition == 1 && path.component() <= 1 && path.subcomponent() <= 1;
      Type[] reps = Er7Encoder.repetitions(segment, path.field());
      return whole && reps.length > 0 ? Er7Encoder.value(reps[0]) : "";
    }
    Type[] reps = Er7Encoder.repetitions(segment, path.field());
    if (repetition > reps.length) {
      return "";
    }
    Type field = reps[repetition - 1];
    if (path.component() == 0) {
      return Er7Encoder.encodeField(field);
    }
    if (path.subcomponent() == 0) {
      return Er7Encoder.encodeComponent(field, path.component());
    }
    return Er7Encoder.encodeSubcomponent(field, path.component(), path.subcomponent());
  }

  private static boolean isDelimiterField(Segment segment, int field) {
    return (field == 1 || field == 2) && Er7Encoder.definesDelimiters(segment.getName());
  }

  private static void setDelimiterField(Segment segment, Hl7Path path, String value) {
    if (path.fieldRepetition() > 1 || path.component() > 1 || path.subcomponent() > 1) {
      throw new IllegalArgumentException(
          "Cannot set " + path + ": MSH-1 and MSH-2 have no repetitions or components");
    }
    try {
      if (path.field() == 1) {
        if (value.length() != 1) {
          throw new IllegalArgumentException(
              "Cannot set " + path + ": the field separator is exactly one character");
        }
        String encoding = Er7Encoder.value(segment.getField(2, 0));
        Delimiters.of(value.charAt(0), encoding);
      } else {
        String separator = Er7Encoder.value(segment.getField(1, 0));
        if (separator.length() != 1 || value.length() < 4 || value.length() > 5) {
          throw new IllegalArgumentException(
              "Cannot set " + path + ": encoding characters are 4 (or 5) characters");
        }
        Delimiters.of(separator.charAt(0), value);
      }
      Terser.set(segment, path.field(), 0, 1, 1, value);
    } catch (HL7Exception e) {
      throw new IllegalArgumentException("Cannot set " + path + ": " + e.getMessage(), e);
    }
  }
}
