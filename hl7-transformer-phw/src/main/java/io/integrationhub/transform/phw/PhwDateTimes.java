package io.integrationhub.transform.phw;

import io.integrationhub.transform.TransformException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two value rules of the PHW flow (spec §3.3 and §3.4): the MSH.7 date/time conversion and the
 * PID.29 date-of-death rule.
 */
public final class PhwDateTimes {

  /** The HL7 explicit null written for {@code RESURREC}. */
  public static final String HL7_NULL = "\"\"";

  private static final String RESURREC = "RESURREC";

  private static final Pattern COMPACT = Pattern.compile("[0-9]{14}");
  private static final Pattern ISO_LIKE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

  private static final DateTimeFormatter COMPACT_FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_LIKE_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private PhwDateTimes() {}

  /**
   * The MSH.7 rule, strict form of spec §3.3: exactly 14 digits forming a valid date-time are
   * returned unchanged; exactly {@code yyyy-MM-dd HH:mm:ss} (a valid date-time) is converted to
   * {@code yyyyMMddHHmmss}. No time-zone handling of any kind.
   *
   * @throws TransformException for anything else (including empty text); the message names MSH.7
   *     and the accepted formats, never the value
   */
  public static String messageDateTime(String value) throws TransformException {
    if (value != null) {
      if (COMPACT.matcher(value).matches() && valid(value, COMPACT_FORMAT)) {
        return value;
      }
      if (ISO_LIKE.matcher(value).matches() && valid(value, ISO_LIKE_FORMAT)) {
        return LocalDateTime.parse(value, ISO_LIKE_FORMAT).format(COMPACT_FORMAT);
      }
    }
    throw new TransformException(
        "MSH.7 is not a valid date/time (expected yyyyMMddHHmmss or yyyy-MM-dd HH:mm:ss)");
  }

  private static boolean valid(String value, DateTimeFormatter format) {
    try {
      LocalDateTime.parse(value, format);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * The PID.29 (date of death) rule of spec §3.4: {@code RESURREC} in any case with any surrounding
   * whitespace gives the HL7 explicit null {@code ""}; anything else is returned trimmed and not
   * reformatted; {@code null}, empty or blank input gives {@code ""} (empty: the field is not
   * written).
   */
  public static String dateOfDeath(String value) {
    if (value == null) {
      return "";
    }
    String trimmed = value.strip();
    if (trimmed.equalsIgnoreCase(RESURREC)) {
      return HL7_NULL;
    }
    return trimmed;
  }
}
