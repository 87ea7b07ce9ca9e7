package io.integrationhub.hl7.datetime;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * HL7 TS/DTM helpers.
 *
 * <p>Formatting: {@code yyyyMMddHHmmss} (the local time of the value, no offset: the format of the
 * ACK's MSH-7) and {@code yyyyMMddHHmmss+ZZZZ}. Seconds of an offset (historic zones only) are
 * dropped.
 *
 * <p>Parsing is strict: {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}, digits only, every
 * part a real calendar value (no month 13, no 30 February, no hour 24), an offset within ±14:00
 * with minutes below 60. Nothing is trimmed.
 */
public final class Hl7DateTime {

  private static final int MAX_OFFSET_HOURS = 14;
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Hl7DateTime() {}

  /** {@code yyyyMMddHHmmss} of the value's local date-time. */
  public static String format(ZonedDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime");
    StringBuilder out = new StringBuilder(14);
    appendSeconds(out, dateTime.toLocalDateTime());
    return out.toString();
  }

  /** {@code yyyyMMddHHmmss} of the clock's current time in the clock's zone. */
  public static String format(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    StringBuilder out = new StringBuilder(14);
    appendSeconds(out, LocalDateTime.now(clock));
    return out.toString();
  }

  /** {@code yyyyMMddHHmmss+ZZZZ} of the value, with its offset. */
  public static String formatWithOffset(ZonedDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime");
    StringBuilder out = new StringBuilder(19);
    appendSeconds(out, dateTime.toLocalDateTime());
    appendOffset(out, dateTime.getOffset());
    return out.toString();
  }

  /** {@code yyyyMMddHHmmss+ZZZZ} of the clock's current time in the clock's zone. */
  public static String formatWithOffset(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return formatWithOffset(ZonedDateTime.now(clock));
  }

  /**
   * Appends {@code yyyyMMddHHmmss} of a local date-time (allocation-free fast path).
   *
   * @throws Hl7DateTimeException when the year is outside 0000-9999
   */
  public static void appendSeconds(StringBuilder out, LocalDateTime dateTime) {
    int year = dateTime.getYear();
    if (year < 0 || year > 9999) {
      throw new Hl7DateTimeException("HL7 DTM years have four digits (0000-9999)");
    }
    appendDigits(out, year, 4);
    appendDigits(out, dateTime.getMonthValue(), 2);
    appendDigits(out, dateTime.getDayOfMonth(), 2);
    appendDigits(out, dateTime.getHour(), 2);
    appendDigits(out, dateTime.getMinute(), 2);
    appendDigits(out, dateTime.getSecond(), 2);
  }

  /**
   * Parses a DTM value of any precision.
   *
   * @throws Hl7DateTimeException when the text is not a valid DTM value
   */
  public static Hl7Timestamp parse(String dtm) {
    if (dtm == null || dtm.isEmpty()) {
      throw new Hl7DateTimeException("HL7 date-time is empty");
    }
    int digits = 0;
    while (digits < dtm.length() && isDigit(dtm.charAt(digits))) {
      digits++;
    }
    Hl7Timestamp.Precision precision = precisionOf(digits);
    int pos = digits;
    int nanos = 0;
    if (pos < dtm.length() && dtm.charAt(pos) == '.') {
      if (precision != Hl7Timestamp.Precision.SECOND) {
        throw new Hl7DateTimeException("HL7 date-time: a fraction needs seconds before it");
      }
      int start = ++pos;
      while (pos < dtm.length() && isDigit(dtm.charAt(pos))) {
        pos++;
      }
      int length = pos - start;
      if (length < 1 || length > 4) {
        throw new Hl7DateTimeException("HL7 date-time: a fraction of a second has 1 to 4 digits");
      }
      nanos = Integer.parseInt(dtm.substring(start, pos)) * POWERS_OF_TEN[9 - length];
      precision = Hl7Timestamp.Precision.FRACTION_OF_SECOND;
    }
    Optional<ZoneOffset> offset = Optional.empty();
    if (pos < dtm.length() && (dtm.charAt(pos) == '+' || dtm.charAt(pos) == '-')) {
      offset = Optional.of(offset(dtm, pos));
      pos += 5;
    }
    if (pos != dtm.length()) {
      throw new Hl7DateTimeException(
          "HL7 date-time: unexpected character at position " + (pos + 1));
    }
    return new Hl7Timestamp(localDateTime(dtm, precision, nanos), precision, offset);
  }

  /** {@link #parse(String)}, or empty when the text is not a valid DTM value. */
  public static Optional<Hl7Timestamp> tryParse(String dtm) {
    try {
      return Optional.of(parse(dtm));
    } catch (Hl7DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the text is a valid DTM value of any precision. */
  public static boolean isValid(String dtm) {
    return tryParse(dtm).isPresent();
  }

  /** Whether the text is exactly 8 ASCII digits forming a real calendar date {@code YYYYMMDD}. */
  public static boolean isValidDate(String yyyymmdd) {
    if (yyyymmdd == null || yyyymmdd.length() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!isDigit(yyyymmdd.charAt(i))) {
        return false;
      }
    }
    try {
      LocalDate.of(number(yyyymmdd, 0, 4), number(yyyymmdd, 4, 6), number(yyyymmdd, 6, 8));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static Hl7Timestamp.Precision precisionOf(int digits) {
    return switch (digits) {
      case 4 -> Hl7Timestamp.Precision.YEAR;
      case 6 -> Hl7Timestamp.Precision.MONTH;
      case 8 -> Hl7Timestamp.Precision.DAY;
      case 10 -> Hl7Timestamp.Precision.HOUR;
      case 12 -> Hl7Timestamp.Precision.MINUTE;
      case 14 -> Hl7Timestamp.Precision.SECOND;
      default ->
          throw new Hl7DateTimeException(
              "HL7 date-time: expected 4, 6, 8, 10, 12 or 14 digits before any fraction or"
                  + " offset, found "
                  + digits);
    };
  }

  private static LocalDateTime localDateTime(
      String dtm, Hl7Timestamp.Precision precision, int nanos) {
    int digits = dtm.length();
    for (int i = 0; i < dtm.length(); i++) {
      if (!isDigit(dtm.charAt(i))) {
        digits = i;
        break;
      }
    }
    int year = number(dtm, 0, 4);
    int month = digits >= 6 ? number(dtm, 4, 6) : 1;
    int day = digits >= 8 ? number(dtm, 6, 8) : 1;
    int hour = digits >= 10 ? number(dtm, 8, 10) : 0;
    int minute = digits >= 12 ? number(dtm, 10, 12) : 0;
    int second = digits >= 14 ? number(dtm, 12, 14) : 0;
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    } catch (DateTimeException e) {
      throw new Hl7DateTimeException(
          "HL7 date-time is not a real date or time (precision " + precision + ")");
    }
  }

  private static ZoneOffset offset(String dtm, int pos) {
    if (dtm.length() < pos + 5) {
      throw new Hl7DateTimeException("HL7 date-time: an offset is +ZZZZ or -ZZZZ");
    }
    for (int i = pos + 1; i < pos + 5; i++) {
      if (!isDigit(dtm.charAt(i))) {
        throw new Hl7DateTimeException("HL7 date-time: an offset is +ZZZZ or -ZZZZ");
      }
    }
    int hours = number(dtm, pos + 1, pos + 3);
    int minutes = number(dtm, pos + 3, pos + 5);
    if (hours > MAX_OFFSET_HOURS || minutes > 59 || (hours == MAX_OFFSET_HOURS && minutes > 0)) {
      throw new Hl7DateTimeException("HL7 date-time: offset out of range (-1400 to +1400)");
    }
    int sign = dtm.charAt(pos) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static void appendOffset(StringBuilder out, ZoneOffset offset) {
    int totalMinutes = offset.getTotalSeconds() / 60;
    out.append(totalMinutes < 0 ? '-' : '+');
    int absolute = Math.abs(totalMinutes);
    appendDigits(out, absolute / 60, 2);
    appendDigits(out, absolute % 60, 2);
  }

  private static void appendDigits(StringBuilder out, int value, int width) {
    int divisor = POWERS_OF_TEN[width - 1];
    for (int i = 0; i < width; i++) {
      out.append((char) ('0' + (value / divisor) % 10));
      divisor /= 10;
    }
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
