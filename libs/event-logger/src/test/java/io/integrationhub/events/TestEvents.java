package io.integrationhub.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Shared fixtures: settings, a fixed clock and a PID-bearing message. */
final class TestEvents {
  static final Instant NOW = Instant.parse("2026-11-21T04:39:13.266382789Z");
  static final String NOW_TEXT = "2026-11-21T04:39:13.266382+00:00";
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String PATIENT_NAME = "MYSURNAME";
  static final String NHS_NUMBER = "4444444444";
  static final String ADT_A31 =
      "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTL1|P|2.5\r"
          + "EVN|A31|20250502092900\r"
          + "PID|||8888888^^^252^PI~"
          + NHS_NUMBER
          + "^^^NHS^NH||"
          + PATIENT_NAME
          + "^MYFNAME^^^MR||19990101|M\r"
          + "PV1||U";

  private TestEvents() {}

  static EventLoggerSettings settings(boolean redactionEnabled) {
    return new EventLoggerSettings(
        "phw-to-mpi",
        "phw-hl7-server",
        redactionEnabled,
        Optional.empty(),
        Optional.empty(),
        "svc");
  }

  static Event event(EventType type, String content) {
    return new Event("phw-to-mpi", "phw-hl7-server", type, NOW, content, null, null, null);
  }
}
