package io.integrationhub.hl7.datetime;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed HL7 DTM value. Parts below the precision are at their minimum (month 1, day 1, 00:00).
 *
 * @param value the local date-time as written
 * @param precision the smallest unit that was written
 * @param offset the UTC offset when one was written ({@code +ZZZZ} / {@code -ZZZZ})
 */
public record Hl7Timestamp(LocalDateTime value, Precision precision, Optional<ZoneOffset> offset) {

  /** The smallest unit written in a DTM value. */
  public enum Precision {
    /** {@code YYYY} */
    YEAR,
    /** {@code YYYYMM} */
    MONTH,
    /** {@code YYYYMMDD} */
    DAY,
    /** {@code YYYYMMDDHH} */
    HOUR,
    /** {@code YYYYMMDDHHMM} */
    MINUTE,
    /** {@code YYYYMMDDHHMMSS} */
    SECOND,
    /** {@code YYYYMMDDHHMMSS.S} to {@code .SSSS} */
    FRACTION_OF_SECOND
  }

  /** Checks no part is null. */
  public Hl7Timestamp {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(offset, "offset");
  }

  /** The instant, when an offset was written. */
  public Optional<OffsetDateTime> toOffsetDateTime() {
    return offset.map(value::atOffset);
  }

  /** The date-time at its written offset, or in {@code zoneWhenNoOffset} when none was written. */
  public ZonedDateTime atZone(ZoneId zoneWhenNoOffset) {
    return offset
        .map(o -> value.atOffset(o).toZonedDateTime())
        .orElseGet(() -> value.atZone(zoneWhenNoOffset));
  }
}
