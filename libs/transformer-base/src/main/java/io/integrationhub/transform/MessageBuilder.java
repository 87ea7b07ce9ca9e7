package io.integrationhub.transform;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outbound message a transformer writes, by {@link Hl7Path}, with the standard delimiters
 * {@code |^~\&}. A segment exists once something is written into it, and segments keep the order in
 * which they were first written. {@link #encode()} joins segments with CR (no trailing CR) and
 * trims trailing empty fields, components and sub-components; empty repetitions are kept.
 */
public final class MessageBuilder {

  private final List<Segment> segments = new ArrayList<>();

  /** Writes {@code value} (standard delimiters) at {@code path}; an empty value writes nothing. */
  public MessageBuilder set(String path, String value) {
    return set(Hl7Path.parse(path), value);
  }

  /** Writes {@code value} at {@code path}; an empty value writes nothing. */
  public MessageBuilder set(Hl7Path path, String value) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    if (path.field() == 0) {
      throw new IllegalArgumentException("Write a field, not a whole segment: " + path);
    }
    Segment segment = segment(path.segment(), path.occurrence());
    segment.set(path, value);
    return this;
  }

  /** Writes every repetition of a field (empty ones kept); nothing when the list is empty. */
  public MessageBuilder setRepetitions(
      String segment, int occurrence, int field, List<String> reps) {
    if (reps.isEmpty() || reps.stream().allMatch(String::isEmpty) && reps.size() == 1) {
      return this;
    }
    segment(segment, occurrence).fields(field).setAll(reps);
    return this;
  }

  /** Appends a new, empty occurrence of a segment (it appears in the output once written). */
  public int append(String segment) {
    int occurrence = count(segment) + 1;
    segments.add(new Segment(segment));
    return occurrence;
  }

  /** The number of occurrences of a segment written so far. */
  public int count(String segment) {
    return (int) segments.stream().filter(s -> s.id.equals(segment)).count();
  }

  /** The value at {@code path} as written so far, {@code ""} when absent. */
  public String get(String path) {
    Hl7Path parsed = Hl7Path.parse(path);
    int seen = 0;
    for (Segment segment : segments) {
      if (segment.id.equals(parsed.segment()) && ++seen == parsed.occurrence()) {
        return segment.get(parsed);
      }
    }
    return "";
  }

  /** The message: segments that have a value, CR-separated, no trailing CR. */
  public String encode() {
    StringBuilder out = new StringBuilder(512);
    for (Segment segment : segments) {
      String text = segment.encode();
      if (text.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append('\r');
      }
      out.append(text);
    }
    return out.toString();
  }

  /** Segment ids of the output, in order (segments with no value left out). */
  public List<String> segmentIds() {
    return segments.stream().filter(s -> !s.encode().isEmpty()).map(s -> s.id).toList();
  }

  private Segment segment(String id, int occurrence) {
    int seen = 0;
    for (Segment segment : segments) {
      if (segment.id.equals(id) && ++seen == occurrence) {
        return segment;
      }
    }
    Segment created = null;
    while (seen < occurrence) {
      created = new Segment(id);
      segments.add(created);
      seen++;
    }
    return created;
  }

  /** One segment: fields by number, each a list of repetitions. */
  private static final class Segment {
    private final String id;
    private final List<Field> fields = new ArrayList<>();

    Segment(String id) {
      this.id = id;
    }

    Field fields(int number) {
      while (fields.size() < number) {
        fields.add(new Field());
      }
      return fields.get(number - 1);
    }

    void set(Hl7Path path, String value) {
      fields(path.field()).set(path, value);
    }

    String get(Hl7Path path) {
      if (path.field() == 0) {
        return encode();
      }
      return path.field() <= fields.size() ? fields.get(path.field() - 1).get(path) : "";
    }

    String encode() {
      boolean header = "MSH".equals(id);
      int last = fields.size();
      while (last > 0 && fields.get(last - 1).encode().isEmpty()) {
        last--;
      }
      if (last == 0) {
        return "";
      }
      StringBuilder out = new StringBuilder(id);
      for (int number = header ? 3 : 1; number <= last; number++) {
        out.append('|').append(fields.get(number - 1).encode());
      }
      return header ? "MSH|^~\\&" + out.substring(3) : out.toString();
    }
  }

  /** One field: its repetitions as text (standard delimiters). */
  private static final class Field {
    private final List<String> repetitions = new ArrayList<>();

    void setAll(List<String> values) {
      repetitions.clear();
      repetitions.addAll(values);
    }

    void set(Hl7Path path, String value) {
      while (repetitions.size() < path.repetition()) {
        repetitions.add("");
      }
      int index = path.repetition() - 1;
      if (path.component() == 0) {
        repetitions.set(index, value);
        return;
      }
      List<String> components = split(repetitions.get(index), '^', path.component());
      if (path.subcomponent() == 0) {
        components.set(path.component() - 1, value);
      } else {
        List<String> subs = split(components.get(path.component() - 1), '&', path.subcomponent());
        subs.set(path.subcomponent() - 1, value);
        components.set(path.component() - 1, String.join("&", subs));
      }
      repetitions.set(index, String.join("^", components));
    }

    String get(Hl7Path path) {
      if (path.repetition() > repetitions.size()) {
        return "";
      }
      String repetition = repetitions.get(path.repetition() - 1);
      if (path.component() == 0) {
        return trim(repetition);
      }
      List<String> components = split(repetition, '^', path.component());
      String component = components.get(path.component() - 1);
      if (path.subcomponent() == 0) {
        return component;
      }
      return split(component, '&', path.subcomponent()).get(path.subcomponent() - 1);
    }

    String encode() {
      if (repetitions.isEmpty()) {
        return "";
      }
      List<String> trimmed = repetitions.stream().map(MessageBuilder::trim).toList();
      if (trimmed.stream().allMatch(String::isEmpty) && trimmed.size() == 1) {
        return "";
      }
      return String.join("~", trimmed);
    }

    private static List<String> split(String text, char separator, int atLeast) {
      List<String> pieces = new ArrayList<>(Er7Message.split(text, separator));
      while (pieces.size() < atLeast) {
        pieces.add("");
      }
      return pieces;
    }
  }

  /** A repetition without trailing empty components, and components without trailing empty subs. */
  static String trim(String repetition) {
    String[] components = repetition.split("\\^", -1);
    List<String> kept = new ArrayList<>();
    for (String component : components) {
      String[] subs = component.split("&", -1);
      int last = subs.length;
      while (last > 0 && subs[last - 1].isEmpty()) {
        last--;
      }
      kept.add(String.join("&", Arrays.asList(subs).subList(0, last)));
    }
    int last = kept.size();
    while (last > 0 && kept.get(last - 1).isEmpty()) {
      last--;
    }
    return String.join("^", kept.subList(0, last));
  }
}
