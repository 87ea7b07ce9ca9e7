package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Redacts every shared inbound conformance message ({@code <hub.shared.dir>/conformance}, skipped
 * when absent) and checks that only MSH routing fields, segment ids and masks are left.
 *
 * <p>Found on the way: {@code beyond-core/message-store-seed-phw-a31.hl7} has a control id (MSH-10,
 * kept verbatim by spec E4) that ends with the patient's NHS number.
 */
class ConformanceRedactionTest {

  private static List<Path> messages() throws IOException {
    String shared = System.getProperty("hub.shared.dir");
    assumeTrue(
        shared != null && Files.isDirectory(Path.of(shared, "conformance")),
        () -> "Shared conformance directory absent (hub.shared.dir=" + shared + "): skipped");
    try (Stream<Path> files = Files.walk(Path.of(shared, "conformance"))) {
      return files.filter(f -> f.toString().endsWith(".hl7")).sorted().toList();
    }
  }

  @Test
  void everyConformanceMessageKeepsOnlyRoutingFieldsSegmentIdsAndMasks() throws IOException {
    List<Path> messages = messages();
    assertThat(messages).isNotEmpty();

    for (Path file : messages) {
      String er7 = Files.readString(file, StandardCharsets.UTF_8);
      String redacted = Hl7Redactor.redact(er7);

      for (String line : redacted.split("\r", -1)) {
        if (line.startsWith("MSH")) {
          continue;
        }
        assertThat(line)
            .as("%s: %s", file.getFileName(), line)
            .matches("\\*\\*\\*|[A-Z][A-Z0-9]{2}(\\|(\\*\\*\\*)?)*");
      }
      // MSH-3..7 and MSH-9..12 are kept by the spec, and some senders put the NHS number into the
      // control id (MSH-10); so look for patient values in everything but the MSH segments.
      String withoutMsh =
          Stream.of(redacted.split("\r")).filter(l -> !l.startsWith("MSH")).toList().toString();
      for (String value : patientValues(er7)) {
        assertThat(withoutMsh).as("%s leaks %s", file.getFileName(), value).doesNotContain(value);
      }
    }
  }

  /** PID-3 and PID-5 (identifiers and names) of a message, when present and long enough. */
  private static List<String> patientValues(String er7) {
    return Stream.of(er7.replace('\n', '\r').split("\r"))
        .filter(segment -> segment.startsWith("PID|"))
        .flatMap(
            pid -> {
              String[] fields = pid.split("\\|", -1);
              return Stream.of(3, 5).filter(i -> i < fields.length).map(i -> fields[i]);
            })
        .flatMap(field -> Stream.of(field.split("[\\^~&]")))
        .filter(value -> value.length() >= 4)
        .toList();
  }
}
