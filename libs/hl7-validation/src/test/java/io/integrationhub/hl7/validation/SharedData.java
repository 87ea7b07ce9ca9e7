package io.integrationhub.hl7.validation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data beside the project ({@code hub.shared.dir}, set by surefire). Tests that use
 * it are skipped, with a message, when it is absent.
 */
public final class SharedData {

  private SharedData() {}

  /** {@code <shared>/conformance/<relative>}, or a skipped test when absent. */
  public static Path conformance(String relative) {
    String shared = System.getProperty("hub.shared.dir");
    assumeTrue(
        shared != null && Files.isDirectory(Path.of(shared, "conformance")),
        () -> "Shared conformance data absent (hub.shared.dir=" + shared + "): skipped");
    Path path = Path.of(shared, "conformance").resolve(relative);
    assumeTrue(Files.exists(path), () -> "Conformance data absent: " + path);
    return path;
  }

  /** The text of a conformance file. */
  public static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
