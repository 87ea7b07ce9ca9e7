package io.integrationhub.hl7.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.datetime.Hl7Timestamp.Precision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7DateTimeTest {

  private static final Instant INSTANT = Instant.parse("2025-07-01T09:08:07.654Z");

  @Test
  void formatsSecondsWithoutOffsetOrFraction() {
    ZonedDateTime value = ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 999_000_000, ZoneOffset.UTC);

    assertThat(Hl7DateTime.format(value)).isEqualTo("20250102030405");
  }

  @Test
  void formatsTheClocksTimeInTheClocksZone() {
    assertThat(Hl7DateTime.format(Clock.fixed(INSTANT, ZoneOffset.UTC)))
        .isEqualTo("20250701090807");
    assertThat(Hl7DateTime.format(Clock.fixed(INSTANT, ZoneId.of("Europe/London"))))
        .isEqualTo("20250701100807");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "UTC, 20250701090807+0000",
    "Europe/London, 20250701100807+0100",
    "America/New_York, 20250701050807-0400",
    "Asia/Kolkata, 20250701143807+0530",
    "America/St_Johns, 20250701063807-0230"
  })
  void formatsWithOffset(String zone, String expected) {
    ZonedDateTime value = INSTANT.atZone(ZoneId.of(zone));

    assertThat(Hl7DateTime.formatWithOffset(value)).isEqualTo(expected);
    assertThat(Hl7DateTime.formatWithOffset(Clock.fixed(INSTANT, ZoneId.of(zone))))
        .isEqualTo(expected);
  }

  @Test
  void padsSmallYears() {
    ZonedDateTime value = ZonedDateTime.of(987, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    assertThat(Hl7DateTime.format(value)).isEqualTo("09870102030405");
  }

  @Test
  void refusesYearsOutsideFourDigits() {
    ZonedDateTime value = ZonedDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    assertThatThrownBy(() -> Hl7DateTime.format(value)).isInstanceOf(Hl7DateTimeException.class);
  }

  @ParameterizedTest(name = "{0} has precision {1}")
  @CsvSource({
    "2025,                 YEAR,               2025-01-01T00:00",
    "202507,               MONTH,              2025-07-01T00:00",
    "20250715,             DAY,                2025-07-15T00:00",
    "2025071513,           HOUR,               2025-07-15T13:00",
    "202507151314,         MINUTE,             2025-07-15T13:14",
    "20250715131415,       SECOND,             2025-07-15T13:14:15",
    "20250715131415.1,     FRACTION_OF_SECOND, 2025-07-15T13:14:15.1",
    "20250715131415.12,    FRACTION_OF_SECOND, 2025-07-15T13:14:15.12",
    "20250715131415.123,   FRACTION_OF_SECOND, 2025-07-15T13:14:15.123",
    "20250715131415.1234,  FRACTION_OF_SECOND, 2025-07-15T13:14:15.1234",
    "20240229,             DAY,                2024-02-29T00:00",
    "20251231235959,       SECOND,             2025-12-31T23:59:59"
  })
  void parsesEveryPrecision(String text, Precision precision, LocalDateTime value) {
    Hl7Timestamp timestamp = Hl7DateTime.parse(text);

    assertThat(timestamp.value()).isEqualTo(value);
    assertThat(timestamp.precision()).isEqualTo(precision);
    assertThat(timestamp.offset()).isEmpty();
  }

  @ParameterizedTest(name = "{0} has offset {1}")
  @CsvSource({
    "20250715131415+0100,      +01:00",
    "20250715131415-0500,      -05:00",
    "20250715131415.5+0530,    +05:30",
    "202507151314-0000,        Z",
    "2025+1400,                +14:00",
    "20250715-1200,            -12:00"
  })
  void parsesOffsets(String text, ZoneOffset offset) {
    assertThat(Hl7DateTime.parse(text).offset()).contains(offset);
  }

  @Test
  void convertsToOffsetAndZonedDateTimes() {
    Hl7Timestamp withOffset = Hl7DateTime.parse("20250715131415+0100");
    Hl7Timestamp local = Hl7DateTime.parse("20250715131415");

    assertThat(withOffset.toOffsetDateTime())
        .contains(OffsetDateTime.parse("2025-07-15T13:14:15+01:00"));
    assertThat(local.toOffsetDateTime()).isEmpty();
    assertThat(withOffset.atZone(ZoneOffset.UTC).toInstant())
        .isEqualTo(Instant.parse("2025-07-15T12:14:15Z"));
    assertThat(local.atZone(ZoneId.of("Europe/London")).toInstant())
        .isEqualTo(Instant.parse("2025-07-15T12:14:15Z"));
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "20251301",
        "20250230",
        "20230229",
        "20250700",
        "2025071524",
        "202507151360",
        "20250715131460",
        "2025AB15",
        "abcd",
        "20250",
        "2025071",
        "202507151314151",
        "20250715.1",
        "20250715131415.",
        "20250715131415.12345",
        "20250715131415+01",
        "20250715131415+1500",
        "20250715131415+0160",
        "20250715131415+01a0",
        "20250715131415 ",
        " 20250715",
        "+0100",
        "2025-07-15",
        "20250715131415+0100X"
      })
  void rejectsInvalidValues(String text) {
    assertThatThrownBy(() -> Hl7DateTime.parse(text))
        .isInstanceOf(Hl7DateTimeException.class)
        .hasMessageStartingWith("HL7 date-time");
    assertThat(Hl7DateTime.tryParse(text)).isEmpty();
    assertThat(Hl7DateTime.isValid(text)).isFalse();
  }

  @Test
  void tryParseAndIsValidAcceptValidValues() {
    assertThat(Hl7DateTime.tryParse("20250715")).isPresent();
    assertThat(Hl7DateTime.isValid("20250715131415.1234-0330")).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is a valid date")
  @ValueSource(strings = {"20250101", "20240229", "19000101", "20001231"})
  void isValidDateAcceptsRealCalendarDates(String text) {
    assertThat(Hl7DateTime.isValidDate(text)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is not a valid date")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "20230229",
        "20251301",
        "20250431",
        "20250100",
        "2025010",
        "202501011",
        "2025-1-1",
        "2025010a",
        " 2025010",
        "202501011200",
        "２０２５０１０１"
      })
  void isValidDateRejectsAnythingElse(String text) {
    assertThat(Hl7DateTime.isValidDate(text)).isFalse();
  }

  @Test
  void appendSecondsWritesIntoAnExistingBuilder() {
    StringBuilder out = new StringBuilder("MSH-7=");

    Hl7DateTime.appendSeconds(out, LocalDateTime.of(2025, 7, 1, 9, 8, 7));

    assertThat(out).hasToString("MSH-7=20250701090807");
  }
}
