package io.integrationhub.mockreceiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed values from environment-style variables, with errors that name the variable. */
final class EnvironmentReader {
  private final Function<String, String> variables;

  EnvironmentReader(Function<String, String> variables) {
    this.variables = variables;
  }

  Optional<String> text(String name) {
    String value = variables.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String text(String name, String defaultValue) {
    return text(name).orElse(defaultValue);
  }

  int integer(String name, int defaultValue, int min, int max) {
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

  boolean flag(String name, boolean defaultValue) {
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

  Duration millis(String name, long defaultMillis) {
    return Duration.ofMillis(integer(name, (int) defaultMillis, 0, Integer.MAX_VALUE));
  }

  Duration seconds(String name, int defaultSeconds) {
    return Duration.ofSeconds(integer(name, defaultSeconds, 1, 86_400));
  }

  Optional<Path> path(String name) {
    return text(name).map(Path::of);
  }
}
