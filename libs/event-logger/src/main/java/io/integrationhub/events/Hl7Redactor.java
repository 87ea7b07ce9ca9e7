package io.integrationhub.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes patient-identifiable data from an ER7 payload before it is logged (spec E4), keeping what
 * an operator needs to find the message: segment ids, field positions and the routing fields of
 * MSH.
 *
 * <ol>
 *   <li>{@code null} becomes the empty string; empty or whitespace-only text is returned as is.
 *   <li>LF becomes CR; the text is split on CR and empty segments are dropped.
 *   <li>The first segment must start with {@code MSH} and be at least 4 characters long, else the
 *       whole content is {@code ***} (also when it starts with whitespace or the MLLP start byte).
 *   <li>The field separator is the 4th character of the first segment.
 *   <li>MSH segments keep MSH-2 to MSH-7 and MSH-9 to MSH-12; MSH-8 and MSH-13 onwards are masked.
 *   <li>Other segments keep their id; every non-empty field becomes {@code ***}, empty fields stay
 *       empty.
 *   <li>Segments are joined with CR.
 * </ol>
 *
 * <p>Unlike the reference, a line that is not a well-formed segment (a 3-character id {@code
 * [A-Z][A-Z0-9]{2}} alone or followed by the field separator) is replaced by {@code ***} as a
 * whole: the reference logged such lines verbatim (a line break inside free text, junk lines).
 */
public final class Hl7Redactor {
  static final String MASK = "***";

  private static final char SEGMENT_SEPARATOR = '\r';
  private static final String MSH = "MSH";
  private static final int SEGMENT_ID_LENGTH = 3;

  private Hl7Redactor() {}

  /** Spec E4 redaction, without its leak. Never throws. */
  public static String redact(String er7) {
    if (er7 == null) {
      return "";
    }
    if (er7.isBlank()) {
      return er7;
    }
    List<String> segments = segments(er7);
    String first = segments.get(0);
    if (!first.startsWith(MSH) || first.length() <= SEGMENT_ID_LENGTH) {
      return MASK;
    }
    char fieldSeparator = first.charAt(SEGMENT_ID_LENGTH);
    StringBuilder out = new StringBuilder(er7.length());
    for (String segment : segments) {
      if (!out.isEmpty()) {
        out.append(SEGMENT_SEPARATOR);
      }
      appendRedacted(out, segment, fieldSeparator);
    }
    return out.toString();
  }

  private static List<String> segments(String er7) {
    String text = er7.replace('\n', SEGMENT_SEPARATOR);
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(SEGMENT_SEPARATOR, start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        segments.add(text.substring(start, end));
      }
      start = end + 1;
    }
    return segments;
  }

  private static void appendRedacted(StringBuilder out, String segment, char fieldSeparator) {
    if (!isWellFormedSegment(segment, fieldSeparator)) {
      out.append(MASK);
      return;
    }
    List<String> pieces = split(segment, fieldSeparator);
    boolean msh = pieces.get(0).equals(MSH);
    out.append(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      String field = pieces.get(i);
      out.append(fieldSeparator);
      if (msh && isKeptMshField(i + 1)) {
        out.append(field);
      } else if (!field.isEmpty()) {
        out.append(MASK);
      }
    }
  }

  /** MSH-2 (encoding characters) to MSH-7 and MSH-9 to MSH-12: routing, not patient data. */
  private static boolean isKeptMshField(int mshFieldNumber) {
    return (mshFieldNumber >= 2 && mshFieldNumber <= 7)
        || (mshFieldNumber >= 9 && mshFieldNumber <= 12);
  }

  /** A segment id {@code [A-Z][A-Z0-9]{2}}, alone or followed by the field separator. */
  static boolean isWellFormedSegment(String segment, char fieldSeparator) {
    if (segment.length() < SEGMENT_ID_LENGTH) {
      return false;
    }
    if (!isUpperLetter(segment.charAt(0))
        || !isUpperLetterOrDigit(segment.charAt(1))
        || !isUpperLetterOrDigit(segment.charAt(2))) {
      return false;
    }
    return segment.length() == SEGMENT_ID_LENGTH
        || segment.charAt(SEGMENT_ID_LENGTH) == fieldSeparator;
  }

  private static boolean isUpperLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isUpperLetterOrDigit(char c) {
    return isUpperLetter(c) || (c >= '0' && c <= '9');
  }

  private static List<String> split(String segment, char fieldSeparator) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int end;
    while ((end = segment.indexOf(fieldSeparator, start)) >= 0) {
      pieces.add(segment.substring(start, end));
      start = end + 1;
    }
    pieces.add(segment.substring(start));
    return pieces;
  }
}
