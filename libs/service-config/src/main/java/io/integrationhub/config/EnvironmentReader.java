package io.integrationhub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed values from environment-style variables, with errors that name the variable. */
public final class EnvironmentReader {
  private final Function<String, String> variables;

  /**
   * Reads from a lookup such as {@code System::getenv} or Spring's {@code
   * Environment::getProperty}.
   */
  public EnvironmentReader(Function<String, String> variables) {
    this.variables = variables;
  }

  /** The trimmed value, empty when unset or blank. */
  public Optional<String> text(String name) {
    String value = variables.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** The trimmed value, or {@code defaultValue} when unset or blank. */
  public String text(String name, String defaultValue) {
    return text(name).orElse(defaultValue);
  }

  /** A whole number within [min, max], or the default when unset. */
  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number, was '" + value.get() + "'", e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + parsed);
    }
    return parsed;
  }

  /** true/1/yes/on or false/0/no/off (any case), or the default when unset. */
  public boolean flag(String name, boolean defaultValue) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default ->
          throw new IllegalArgumentException(
              name + " must be true or false, was '" + value.get() + "'");
    };
  }

  /** Milliseconds. */
  public Duration millis(String name, long defaultMillis) {
    return Duration.ofMillis(integer(name, (int) defaultMillis, 0, Integer.MAX_VALUE));
  }

  /** Seconds, 1 to 86,400. */
  public Duration seconds(String name, int defaultSeconds) {
    return Duration.ofSeconds(integer(name, defaultSeconds, 1, 86_400));
  }

  /** A path, when set. */
  public Optional<Path> path(String name) {
    return text(name).map(Path::of);
  }

  /** A comma-separated list, each item trimmed, empty items dropped; empty when unset. */
  public List<String> list(String name) {
    return text(name).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .toList();
  }
}
