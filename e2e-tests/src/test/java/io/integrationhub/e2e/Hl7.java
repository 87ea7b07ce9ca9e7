package io.integrationhub.e2e;

import io.integrationhub.config.EnvFile;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.TransformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small ER7 helpers for the end-to-end tests: sample files, field reads and field edits. */
final class Hl7 {

  private Hl7() {}

  /** {@code local/sample_messages}. */
  static Path samplesDirectory() {
    return EnvFile.localDirectory().resolve("sample_messages");
  }

  /** The text of {@code local/sample_messages/<name>}, exactly as stored. */
  static String sample(String name) {
    try {
      return Files.readString(samplesDirectory().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed message, for {@code value("PID.3[2].4.1")}-style reads. */
  static InboundMessage parse(String er7) {
    try {
      return InboundMessage.parse(er7);
    } catch (TransformException e) {
      throw new AssertionError("not an HL7 message: " + er7.replace('\r', '\n'), e);
    }
  }

  /** The value at a path ({@code ""} when absent). */
  static String value(String er7, String path) {
    return parse(er7).value(path);
  }

  /** Segment ids in order. */
  static List<String> segmentIds(String er7) {
    return parse(er7).segmentIds();
  }

  /** The first segment with this id, as text. */
  static String segment(String er7, String id) {
    for (String line : er7.split("\r")) {
      if (line.startsWith(id + "|")) {
        return line;
      }
    }
    throw new AssertionError("no " + id + " segment in " + er7.replace('\r', '\n'));
  }

  /**
   * {@code er7} with field {@code n} of the first {@code segment} replaced (HL7 numbering, so
   * MSH-10 is {@code withField(m, "MSH", 10, ...)}).
   */
  static String withField(String er7, String segment, int n, String value) {
    String[] lines = er7.split("\r", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(segment + "|")) {
        List<String> fields = new ArrayList<>(Arrays.asList(lines[i].split("\\|", -1)));
        int index = "MSH".equals(segment) ? n - 1 : n;
        while (fields.size() <= index) {
          fields.add("");
        }
        fields.set(index, value);
        lines[i] = String.join("|", fields);
        return String.join("\r", lines);
      }
    }
    throw new AssertionError("no " + segment + " segment in " + er7.replace('\r', '\n'));
  }

  /**
   * {@code er7} with component {@code c} of field {@code n} of the first {@code segment} replaced.
   */
  static String withComponent(String er7, String segment, int n, int c, String value) {
    String field = value(er7, segment + "." + n);
    List<String> components = new ArrayList<>(Arrays.asList(field.split("\\^", -1)));
    while (components.size() < c) {
      components.add("");
    }
    components.set(c - 1, value);
    return withField(er7, segment, n, String.join("^", components));
  }

  /** {@code er7} without its segments named {@code id}. */
  static String without(String er7, String id) {
    List<String> kept = new ArrayList<>();
    for (String line : er7.split("\r", -1)) {
      if (!line.startsWith(id + "|")) {
        kept.add(line);
      }
    }
    return String.join("\r", kept);
  }
}
