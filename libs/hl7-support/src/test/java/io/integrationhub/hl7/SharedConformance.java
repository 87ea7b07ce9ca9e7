package io.integrationhub.hl7;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the shared conformance vectors from {@code <hub.shared.dir>/conformance} (set by surefire).
 * Tests using it are skipped, with a message, when the directory is absent.
 */
public final class SharedConformance {

  private SharedConformance() {}

  /** The text of {@code conformance/<relativePath>}, or a skipped test when it is absent. */
  public static String read(String relativePath) {
    String shared = System.getProperty("hub.shared.dir");
    assumeTrue(
        shared != null && Files.isDirectory(Path.of(shared, "conformance")),
        () -> "Shared conformance directory absent (hub.shared.dir=" + shared + "): skipped");
    Path file = Path.of(shared, "conformance").resolve(relativePath);
    assumeTrue(Files.isRegularFile(file), () -> "Conformance vector absent: " + file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
