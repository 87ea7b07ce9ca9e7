package io.integrationhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fictional sample messages shipped with the benchmarks. */
public final class SampleMessages {
  private SampleMessages() {}

  /** A PHW-style ADT^A31 of about 1.5 KB (fictional patient). */
  public static String phwA31() {
    return resource("/samples/phw-a31.hl7");
  }

  /** The PHW sample without its Z-segment: an ADT^A31 the phw server and schemas accept. */
  public static String phwA31WithoutZSegment() {
    return resource("/samples/phw-a31-valid.hl7");
  }

  /** A Chemocare-style v2.4 ADT^A28 without MSH-9.3 (fictional patient). */
  public static String chemoA28() {
    return resource("/samples/chemo-a28.hl7");
  }

  /** A PIMS-style v2.3.1 ADT^A28 with offsets in its timestamps (fictional patient). */
  public static String pimsA28() {
    return resource("/samples/pims-a28.hl7");
  }

  /** A classpath sample, or a file when the name is a path to an existing file. */
  public static String load(String nameOrPath) {
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path)) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return resource("/samples/" + nameOrPath);
  }

  private static String resource(String name) {
    try (InputStream in = SampleMessages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No sample message " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message with its MSH-10 replaced, so every message sent has its own control id. */
  public static String withControlId(String message, String controlId) {
    int segmentEnd = message.indexOf('\r');
    String msh = segmentEnd < 0 ? message : message.substring(0, segmentEnd);
    char separator = msh.charAt(3);
    int start = 0;
    for (int field = 0; field < 9; field++) {
      start = msh.indexOf(separator, start) + 1;
      if (start == 0) {
        throw new IllegalArgumentException("Sample message has no MSH-10");
      }
    }
    int end = msh.indexOf(separator, start);
    end = end < 0 ? msh.length() : end;
    return message.substring(0, start) + controlId + message.substring(end);
  }
}
