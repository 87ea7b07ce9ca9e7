package io.integrationhub.transform.pims;

import io.integrationhub.transform.TransformException;

/** PIMS timestamp handling: the reference's {@code remove_timezone_from_datetime} (spec §5.2). */
public final class PimsDateTimes {

  private PimsDateTimes() {}

  /**
   * Drops everything from the first {@code +} (the offset is discarded, not applied), trims, and
   * requires exactly 8 or 14 digits. Empty or blank input gives {@code ""}.
   *
   * @param value the timestamp, may be {@code null}
   * @param field the path named in the error (never the value)
   * @throws TransformException when what remains is not {@code yyyyMMdd} or {@code yyyyMMddHHmmss}
   */
  public static String removeTimezone(String value, String field) throws TransformException {
    if (value == null || value.isBlank()) {
      return "";
    }
    int plus = value.indexOf('+');
    String remainder = (plus < 0 ? value : value.substring(0, plus)).strip();
    if ((remainder.length() == 8 || remainder.length() == 14) && allDigits(remainder)) {
      return remainder;
    }
    throw new TransformException(
        "Invalid datetime format after timezone removal in "
            + field
            + ". Expected format: YYYYMMDD (8 digits) or YYYYMMDDHHMMSS (14 digits)");
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
