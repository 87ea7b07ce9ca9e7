package io.integrationhub.transform.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads values from an ER7 message by the conformance path convention ({@link Er7Path}), using the
 * message's own delimiters from MSH (standard {@code |^~\&} when there is no MSH). Segments may be
 * separated by {@code \r}, {@code \n} or {@code \r\n}; empty segments are ignored.
 *
 * <p>{@code MSH.1} is the field separator, {@code MSH.2} the encoding characters (never split), and
 * {@code MSH.3} the sending application (standard HL7 numbering).
 */
public final class Er7PathReader {

  private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("\r\n|\r|\n");

  private final Delimiters delimiters;
  private final List<String> segments;

  private Er7PathReader(String er7) {
    Objects.requireNonNull(er7, "er7");
    this.segments = SEGMENT_SEPARATOR.splitAsStream(er7).filter(s -> !s.isEmpty()).toList();
    this.delimiters = Delimiters.of(segments.isEmpty() ? "" : segments.get(0));
  }

  /** A reader over {@code er7}. */
  public static Er7PathReader of(String er7) {
    return new Er7PathReader(er7);
  }

  /** The message's delimiters. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /** The segments, in order, exactly as in the message. */
  public List<String> segments() {
    return segments;
  }

  /** The ordered list of segment ids. */
  public List<String> segmentIds() {
    return segments.stream().map(this::segmentId).toList();
  }

  /** Whether the segment occurrence of {@code path} (id and {@code [segrep]}) is present. */
  public boolean isPresent(String path) {
    return isPresent(Er7Path.of(path));
  }

  /** Whether the segment occurrence of {@code path} (id and {@code [segrep]}) is present. */
  public boolean isPresent(Er7Path path) {
    return segment(path) != null;
  }

  /** {@link #read(Er7Path)} for a path string. */
  public String read(String path) {
    return read(Er7Path.of(path));
  }

  /**
   * The value at {@code path}; {@code ""} when the segment, field, repetition or component is
   * absent. Trailing empty components/subcomponents are trimmed from the value; a bare segment id
   * gives the whole segment text with every field trimmed that way and trailing empty fields
   * removed.
   */
  public String read(Er7Path path) {
    String segment = segment(path);
    if (segment == null) {
      return "";
    }
    if (path.isSegment()) {
      return normalizeSegment(segment);
    }
    boolean msh = isMsh(segment);
    if (msh && path.field() == 1) {
      return String.valueOf(delimiters.field());
    }
    String field = field(segment, path.field());
    if (msh && path.field() == 2) {
      return field;
    }
    String repetition = part(field, delimiters.repetition(), Math.max(1, path.fieldRepetition()));
    if (path.component() == 0) {
      return trimRepetition(repetition);
    }
    String component = part(repetition, delimiters.component(), path.component());
    if (path.subcomponent() == 0) {
      return trimTrailing(component, delimiters.subcomponent());
    }
    return part(component, delimiters.subcomponent(), path.subcomponent());
  }

  /** {@link #count(Er7Path)} for a path string. */
  public int count(String path) {
    return count(Er7Path.of(path));
  }

  /**
   * For a bare segment id: the number of such segments. For a field: the number of repetitions of
   * that field in the {@code [segrep]} occurrence of its segment (an empty field or absent segment
   * counts 0; every repetition counts, empty ones included; {@code MSH.1}/{@code MSH.2} count 1).
   */
  public int count(Er7Path path) {
    if (path.isSegment()) {
      return (int) segmentIds().stream().filter(path.segment()::equals).count();
    }
    if (!path.isField()) {
      throw new IllegalArgumentException("COUNT needs a segment id or a field: " + path);
    }
    String segment = segment(path);
    if (segment == null) {
      return 0;
    }
    if (isMsh(segment) && path.field() <= 2) {
      return 1;
    }
    String field = field(segment, path.field());
    if (field.isEmpty()) {
      return 0;
    }
    return split(field, delimiters.repetition()).size();
  }

  /**
   * The segment with trailing empty subcomponents, components and fields trimmed in every field
   * (empty repetitions are kept; MSH.1 and MSH.2 are left alone).
   */
  public String normalizeSegment(String segment) {
    List<String> fields = new ArrayList<>(split(segment, delimiters.field()));
    int first = isMsh(segment) ? 2 : 1;
    for (int i = first; i < fields.size(); i++) {
      List<String> repetitions = split(fields.get(i), delimiters.repetition());
      List<String> trimmed = repetitions.stream().map(this::trimRepetition).toList();
      fields.set(i, String.join(String.valueOf(delimiters.repetition()), trimmed));
    }
    while (fields.size() > first && fields.get(fields.size() - 1).isEmpty()) {
      fields.remove(fields.size() - 1);
    }
    return String.join(String.valueOf(delimiters.field()), fields);
  }

  private String trimRepetition(String repetition) {
    List<String> components =
        split(repetition, delimiters.component()).stream()
            .map(c -> trimTrailing(c, delimiters.subcomponent()))
            .toList();
    return trimTrailing(
        String.join(String.valueOf(delimiters.component()), components), delimiters.component());
  }

  /**
   * Removes trailing empty parts separated by {@code separator}: {@code a^^b^^} becomes {@code
   * a^^b}.
   */
  private static String trimTrailing(String value, char separator) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == separator) {
      end--;
    }
    return value.substring(0, end);
  }

  private String segment(Er7Path path) {
    int seen = 0;
    for (String segment : segments) {
      if (segmentId(segment).equals(path.segment()) && ++seen == path.segmentRepetition()) {
        return segment;
      }
    }
    return null;
  }

  private String segmentId(String segment) {
    int end = segment.indexOf(delimiters.field());
    return end < 0 ? segment : segment.substring(0, end);
  }

  private boolean isMsh(String segment) {
    return segmentId(segment).equals("MSH");
  }

  /** Field {@code n} by standard numbering (for MSH, field n is split element n-1). */
  private String field(String segment, int n) {
    int index = isMsh(segment) ? n - 1 : n;
    return part(segment, delimiters.field(), index + 1);
  }

  /** The 1-based {@code n}-th part of {@code value} split at {@code separator}, or "". */
  private static String part(String value, char separator, int n) {
    List<String> parts = split(value, separator);
    return n <= parts.size() ? parts.get(n - 1) : "";
  }

  private static List<String> split(String value, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == separator) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  /**
   * ER7 delimiters.
   *
   * @param field field separator (MSH.1)
   * @param component component separator
   * @param repetition repetition separator
   * @param escape escape character
   * @param subcomponent subcomponent separator
   */
  public record Delimiters(
      char field, char component, char repetition, char escape, char subcomponent) {

    /** {@code |^~\&}. */
    public static final Delimiters STANDARD = new Delimiters('|', '^', '~', '\\', '&');

    /** The delimiters declared by an MSH segment; {@link #STANDARD} for anything else. */
    public static Delimiters of(String firstSegment) {
      if (!firstSegment.startsWith("MSH") || firstSegment.length() < 4) {
        return STANDARD;
      }
      char field = firstSegment.charAt(3);
      int end = firstSegment.indexOf(field, 4);
      String encoding = firstSegment.substring(4, end < 0 ? firstSegment.length() : end);
      return new Delimiters(
          field,
          at(encoding, 0, STANDARD.component),
          at(encoding, 1, STANDARD.repetition),
          at(encoding, 2, STANDARD.escape),
          at(encoding, 3, STANDARD.subcomponent));
    }

    private static char at(String encoding, int index, char fallback) {
      return index < encoding.length() ? encoding.charAt(index) : fallback;
    }
  }
}
