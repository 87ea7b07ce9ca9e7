package io.integrationhub.hub;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One service the launcher can run: a name (the compose service name), the module whose runnable
 * jar it is, and its env file in {@code local/}.
 *
 * @param name the service name, e.g. {@code phw-hl7-server}
 * @param module the Maven module, e.g. {@code hl7-server}
 * @param envFile the env file name in {@code local/}
 */
record ServiceSpec(String name, String module, String envFile) {

  /** The broker is not a module's jar: the launcher runs it itself. */
  static final ServiceSpec BROKER = new ServiceSpec("broker", "hub-launcher", "");

  static ServiceSpec server(String flow) {
    return new ServiceSpec(flow + "-hl7-server", "hl7-server", flow + "-hl7-server.env");
  }

  static ServiceSpec transformer(String flow) {
    return new ServiceSpec(
        flow + "-hl7-transformer", "hl7-transformer-" + flow, flow + "-hl7-transformer.env");
  }

  static final ServiceSpec SENDER =
      new ServiceSpec("mpi-hl7-sender", "hl7-sender", "mpi-hl7-sender.env");

  static final ServiceSpec SUBSCRIPTION_SENDER =
      new ServiceSpec("mpi-hl7-chemo-sender", "hl7-sender", "mpi-hl7-chemo-sender.env");

  static final ServiceSpec MOCK_MPI =
      new ServiceSpec("mpi-hl7-mock-receiver", "hl7-mock-receiver", "mpi-hl7-mock-receiver.env");

  /** {@code <module>/target/<module>-<version>-exec.jar} below the repository root. */
  Path jar(Path root, String version) {
    return root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
  }

  boolean isBroker() {
    return this == BROKER;
  }

  /** A port variable of the env file ({@code PORT}, {@code HEALTH_CHECK_PORT}, ...). */
  static Optional<Integer> port(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
