package io.integrationhub.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event timestamps as the reference writes them: UTC, microseconds, {@code +00:00}. */
final class EventTimestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private EventTimestamps() {}

  /** For example {@code 2026-11-21T04:39:13.266382+00:00}. */
  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
