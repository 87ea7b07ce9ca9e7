package io.integrationhub.mllp.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves the character set of an HL7 v2 payload: a configured charset wins, else MSH-18 (HL7
 * table 0211) read from the raw bytes, else a default. A payload whose {@code MSH} is itself
 * encoded in UTF-16 (BOM, or {@code 00 4D 00 53 00 48} / {@code 4D 00 53 00 48 00}) resolves to
 * UTF-16, since its MSH-18 cannot be read as single bytes.
 */
public final class MllpCharsets {

  private static final int MSH_18 = 18;

  /** HL7 table 0211 values (plus the common non-standard {@code UTF-8}) to Java charset names. */
  private static final Map<String, String> TABLE_0211 = table0211();

  private MllpCharsets() {}

  /**
   * Picks the charset to decode {@code payload} with.
   *
   * @param payload the raw frame content
   * @param configured a charset fixed by configuration; when present MSH-18 is not consulted
   * @param defaultCharset used when nothing else applies (no or unknown MSH-18)
   * @return the charset to use
   */
  public static Charset resolve(
      byte[] payload, Optional<Charset> configured, Charset defaultCharset) {
    Objects.requireNonNull(defaultCharset, "defaultCharset");
    if (configured.isPresent()) {
      return configured.get();
    }
    Optional<Charset> utf16 = utf16Layout(payload);
    if (utf16.isPresent()) {
      return utf16.get();
    }
    return readMsh18(payload).flatMap(MllpCharsets::fromHl7Name).orElse(defaultCharset);
  }

  /**
   * Maps an HL7 table 0211 name such as {@code 8859/1} or {@code UNICODE UTF-8} to a charset.
   * Matching ignores case and surrounding spaces.
   *
   * @param hl7Name the MSH-18 value
   * @return the charset, or empty when the name is unknown or the JVM does not support it
   */
  public static Optional<Charset> fromHl7Name(String hl7Name) {
    String javaName = TABLE_0211.get(hl7Name.strip().toUpperCase(Locale.ROOT));
    if (javaName == null || !Charset.isSupported(javaName)) {
      return Optional.empty();
    }
    return Optional.of(Charset.forName(javaName));
  }

  /**
   * Reads the first repetition of MSH-18 from the raw bytes of the first segment. The segment must
   * start with {@code MSH} in an ASCII-compatible encoding; the field separator is the byte at
   * index 3 and the repetition separator the second encoding character.
   *
   * @param payload the raw frame content
   * @return the trimmed MSH-18 value, or empty when absent or blank
   */
  public static Optional<String> readMsh18(byte[] payload) {
    if (payload.length < 5 || payload[0] != 'M' || payload[1] != 'S' || payload[2] != 'H') {
      return Optional.empty();
    }
    byte fieldSeparator = payload[3];
    int segmentEnd = segmentEnd(payload);
    // MSH-1 is the separator itself, so the text after it starts with MSH-2.
    int fieldStart = 4;
    for (int field = 2; field < MSH_18; field++) {
      int next = indexOf(payload, fieldSeparator, fieldStart, segmentEnd);
      if (next < 0) {
        return Optional.empty();
      }
      fieldStart = next + 1;
    }
    int fieldEnd = indexOf(payload, fieldSeparator, fieldStart, segmentEnd);
    if (fieldEnd < 0) {
      fieldEnd = segmentEnd;
    }
    int valueEnd = fieldEnd;
    byte repetition = repetitionSeparator(payload, fieldSeparator, segmentEnd);
    if (repetition != 0) {
      int firstRepetitionEnd = indexOf(payload, repetition, fieldStart, fieldEnd);
      if (firstRepetitionEnd >= 0) {
        valueEnd = firstRepetitionEnd;
      }
    }
    String value =
        new String(payload, fieldStart, valueEnd - fieldStart, StandardCharsets.ISO_8859_1).strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Charset> utf16Layout(byte[] payload) {
    if (payload.length < 2) {
      return Optional.empty();
    }
    int first = payload[0] & 0xFF;
    int second = payload[1] & 0xFF;
    if ((first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
      return Optional.of(StandardCharsets.UTF_16); // the BOM tells the byte order
    }
    if (startsWith(payload, new byte[] {0, 'M', 0, 'S', 0, 'H'})) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (startsWith(payload, new byte[] {'M', 0, 'S', 0, 'H', 0})) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] payload, byte[] prefix) {
    return payload.length >= prefix.length
        && Arrays.equals(payload, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte repetitionSeparator(byte[] payload, byte fieldSeparator, int segmentEnd) {
    // MSH-2 holds component, repetition, escape and subcomponent characters in that order.
    int index = 5;
    if (index < segmentEnd && payload[index] != fieldSeparator) {
      return payload[index];
    }
    return 0;
  }

  private static int segmentEnd(byte[] payload) {
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == '\r' || payload[i] == '\n') {
        return i;
      }
    }
    return payload.length;
  }

  private static int indexOf(byte[] bytes, byte value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> table0211() {
    Map<String, String> table = new TreeMap<>();
    table.put("ASCII", "US-ASCII");
    table.put("ISO IR6", "US-ASCII");
    for (int part = 1; part <= 16; part++) {
      table.put("8859/" + part, "ISO-8859-" + part);
    }
    table.put("ISO IR14", "JIS_X0201");
    table.put("ISO IR87", "x-JIS0208");
    table.put("ISO IR159", "JIS_X0212-1990");
    table.put("GB 18030-2000", "GB18030");
    table.put("KS X 1001", "EUC-KR");
    table.put("CNS 11643-1992", "x-EUC-TW");
    table.put("BIG-5", "Big5");
    table.put("UNICODE", "UTF-16");
    table.put("UNICODE UTF-8", "UTF-8");
    table.put("UNICODE UTF-16", "UTF-16");
    table.put("UNICODE UTF-32", "UTF-32");
    table.put("UTF-8", "UTF-8");
    return Map.copyOf(table);
  }
}
