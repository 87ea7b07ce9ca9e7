package io.integrationhub.hub;

import io.integrationhub.config.EnvFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are: the repository root (services run there, so the env files' relative paths
 * work), {@code local/}, and the run directory ({@code local/run}, or {@code HUB_RUN_DIR}) with the
 * broker's journal, one log and one pid file per service, and the mock MPI's journal.
 *
 * @param root the repository root
 * @param local the {@code local} directory
 * @param run the run directory
 * @param brokerPort the broker's TCP port ({@code HUB_BROKER_PORT}, default 61616)
 */
record HubLayout(Path root, Path local, Path run, int brokerPort) {

  static final String VERSION = "0.1.0-SNAPSHOT";

  static HubLayout from(Map<String, String> environment) {
    Path local = EnvFile.localDirectory();
    String runDir = environment.get("HUB_RUN_DIR");
    Path run =
        runDir == null || runDir.isBlank()
            ? local.resolve("run")
            : Path.of(runDir).toAbsolutePath();
    String port = environment.get("HUB_BROKER_PORT");
    return new HubLayout(
        local.getParent(),
        local,
        run,
        port == null || port.isBlank() ? 61616 : Integer.parseInt(port.trim()));
  }

  Path logFile(ServiceSpec service) {
    return run.resolve("logs").resolve(service.name() + ".log");
  }

  Path pidFile(ServiceSpec service) {
    return run.resolve(service.name() + ".pid");
  }

  /** The mock MPI's record of what it received (JSON lines). */
  Path mpiJournal() {
    return run.resolve("mpi-received.jsonl");
  }

  Path brokerData() {
    return run.resolve("artemis");
  }

  Path envFile(ServiceSpec service) {
    return local.resolve(service.envFile());
  }

  Path jar(ServiceSpec service) {
    return service.jar(root, VERSION);
  }

  String brokerUrl() {
    return "tcp://127.0.0.1:" + brokerPort;
  }
}
