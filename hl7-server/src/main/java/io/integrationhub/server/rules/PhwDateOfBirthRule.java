package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * PHW's date-of-birth rule (spec §4.3 P1–P5): PID-7 (first repetition, whole field, trimmed) must
 * be exactly eight digits forming a real calendar date with a year of 1800 or later.
 */
public final class PhwDateOfBirthRule implements MessageRule {

  static final String REQUIRED = "PID.7 (Date of birth) is required for PHW.";
  static final String FORMAT =
      "PID.7 (Date of birth) must be a valid date in YYYYMMDD format for PHW.";
  static final String YEAR = "PID.7 (Date of birth) - year of birth must be 1800 or later for PHW.";

  @Override
  public Optional<String> check(Er7Message message) {
    Optional<Er7Segment> pid = Fields.first(message, "PID");
    if (pid.isEmpty()) {
      return Optional.of(REQUIRED);
    }
    String dateOfBirth = Fields.repetitions(message, pid.get().field(7)).get(0).strip();
    if (dateOfBirth.isEmpty()) {
      return Optional.of(REQUIRED);
    }
    if (dateOfBirth.length() != 8 || !dateOfBirth.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(FORMAT);
    }
    int year = Integer.parseInt(dateOfBirth.substring(0, 4));
    try {
      LocalDate.of(
          year,
          Integer.parseInt(dateOfBirth.substring(4, 6)),
          Integer.parseInt(dateOfBirth.substring(6, 8)));
    } catch (DateTimeException e) {
      return Optional.of(FORMAT);
    }
    return year < 1800 ? Optional.of(YEAR) : Optional.empty();
  }
}
