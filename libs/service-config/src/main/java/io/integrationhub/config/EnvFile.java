package io.integrationhub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The env files of {@code local/} ({@code NAME=value} lines, as docker compose and {@code set -a; .
 * file} read them): for tests, tools and launchers that start services with a flow's settings.
 */
public final class EnvFile {

  /** The file that marks the repository's {@code local} directory. */
  public static final String TOPOLOGY_FILE = "ServiceBusEmulatorConfig.json";

  private EnvFile() {}

  /**
   * Reads {@code NAME=value} lines; blank lines and {@code #} comments are skipped, names and
   * values trimmed, an empty value kept as empty. Later lines win.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Map<String, String> read(Path file) {
    Map<String, String> variables = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int equals = line.indexOf('=');
        if (!line.isBlank() && !line.strip().startsWith("#") && equals > 0) {
          variables.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the env file " + file, e);
    }
    return variables;
  }

  /**
   * The repository's {@code local} directory: the nearest {@code local/} holding {@value
   * #TOPOLOGY_FILE}, searched from the working directory upward.
   *
   * @throws IllegalStateException when there is none
   */
  public static Path localDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("local");
      if (Files.isRegularFile(candidate.resolve(TOPOLOGY_FILE))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No local/" + TOPOLOGY_FILE + " in the working directory or above it");
  }

  /** {@link #read(Path)} of {@code local/<name>}. */
  public static Map<String, String> local(String name) {
    return read(localDirectory().resolve(name));
  }
}
