package io.integrationhub.health;

import java.util.Map;
import java.util.function.Function;

/**
 * Where the TCP probe listens. Environment names and defaults are the reference hub's: {@code
 * HEALTH_CHECK_HOST} (127.0.0.1) and {@code HEALTH_CHECK_PORT} (9000).
 */
public record HealthCheckSettings(String host, int port) {
  public static final String HOST_VARIABLE = "HEALTH_CHECK_HOST";
  public static final String PORT_VARIABLE = "HEALTH_CHECK_PORT";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9000;

  public HealthCheckSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(HOST_VARIABLE + " must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PORT_VARIABLE + " must be 0-65535, was " + port);
    }
  }

  /** Reads the settings from a variable lookup such as {@code System::getenv}. */
  public static HealthCheckSettings from(Function<String, String> variables) {
    String host = variables.apply(HOST_VARIABLE);
    String port = variables.apply(PORT_VARIABLE);
    return new HealthCheckSettings(
        host == null || host.isBlank() ? DEFAULT_HOST : host.trim(),
        port == null || port.isBlank() ? DEFAULT_PORT : parsePort(port.trim()));
  }

  public static HealthCheckSettings from(Map<String, String> variables) {
    return from(variables::get);
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be a number, was '" + value + "'", e);
    }
  }
}
