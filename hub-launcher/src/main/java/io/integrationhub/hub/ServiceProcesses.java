package io.integrationhub.hub;

import io.integrationhub.config.EnvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, finds and stops the service processes. Each runs from the repository root with its env
 * file plus the launcher's overrides (the shared broker, the mock's journal), writes its output to
 * {@code <run>/logs/<service>.log}, and is remembered by {@code <run>/<service>.pid}, so later
 * commands ({@code status}, {@code down}) find it.
 */
final class ServiceProcesses {

  private final HubLayout layout;
  private final Map<String, String> environment;
  private final List<String> javaOptions;

  ServiceProcesses(HubLayout layout, Map<String, String> environment) {
    this.layout = layout;
    this.environment = environment;
    String options = environment.getOrDefault("HUB_JAVA_OPTS", defaultJavaOptions());
    this.javaOptions = options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  /** Small heaps for a laptop; on JDK 24+ Netty's use of sun.misc.Unsafe is allowed quietly. */
  private static String defaultJavaOptions() {
    String options = "-Xmx256m -XX:+UseSerialGC";
    return Runtime.version().feature() >= 24
        ? options + " --sun-misc-unsafe-memory-access=allow"
        : options;
  }

  /** The variables a service runs with: its env file, then the launcher's overrides. */
  Map<String, String> variables(ServiceSpec service) {
    Map<String, String> variables = new LinkedHashMap<>();
    if (!service.isBroker()) {
      variables.putAll(EnvFile.read(layout.envFile(service)));
      variables.put("MESSAGE_BUS", "artemis");
      variables.put("ARTEMIS_URL", layout.brokerUrl());
      variables.remove("MESSAGE_BUS_TOPOLOGY_FILE");
    }
    if (service.equals(ServiceSpec.MOCK_MPI)) {
      variables.put("RECEIVED_MESSAGES_FILE", layout.mpiJournal().toString());
    }
    return variables;
  }

  /** The port a service's liveness is checked on: the broker's, else the TCP probe's. */
  int healthPort(ServiceSpec service) {
    if (service.isBroker()) {
      return layout.brokerPort();
    }
    return ServiceSpec.port(variables(service), "HEALTH_CHECK_PORT").orElse(9000);
  }

  Optional<ProcessHandle> running(ServiceSpec service) {
    Path pidFile = layout.pidFile(service);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Starts the service unless it already runs; returns its process. */
  ProcessHandle start(ServiceSpec service) throws IOException {
    Optional<ProcessHandle> existing = running(service);
    if (existing.isPresent()) {
      return existing.get();
    }
    Files.createDirectories(layout.run().resolve("logs"));
    ProcessBuilder builder = new ProcessBuilder(command(service)).directory(layout.root().toFile());
    Map<String, String> env = builder.environment();
    env.putAll(variables(service));
    if (service.isBroker()) {
      env.put("HUB_RUN_DIR", layout.run().toString());
      env.put("HUB_BROKER_PORT", Integer.toString(layout.brokerPort()));
    }
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(service).toFile()));
    Process process = builder.start();
    Files.writeString(
        layout.pidFile(service), Long.toString(process.pid()), StandardCharsets.UTF_8);
    return process.toHandle();
  }

  private List<String> command(ServiceSpec service) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(javaOptions);
    if (service.isBroker()) {
      // The launcher's own classes: its jar when it runs from one, else its class path (tests).
      String classPath = System.getProperty("java.class.path");
      if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
        command.add("-jar");
        command.add(classPath);
      } else {
        command.add("-cp");
        command.add(classPath);
        command.add(Hub.class.getName());
      }
      command.add("broker");
    } else {
      command.add("-jar");
      command.add(layout.jar(service).toString());
    }
    return command;
  }

  /**
   * Waits until the service's health port accepts connections.
   *
   * @return true when healthy; false when the process died or the timeout passed
   */
  boolean awaitHealthy(ServiceSpec service, ProcessHandle process, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int port = healthPort(service);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      if (accepts(port)) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops the services together (SIGTERM, then kill after the grace period) and forgets them.
   *
   * @return the names of those that were running
   */
  List<String> stop(List<ServiceSpec> services, Duration grace) throws InterruptedException {
    Map<ServiceSpec, ProcessHandle> stopping = new LinkedHashMap<>();
    for (ServiceSpec service : services) {
      running(service).ifPresent(process -> stopping.put(service, process));
      stopping.computeIfPresent(
          service,
          (ignored, process) -> {
            process.destroy();
            return process;
          });
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : stopping.values()) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        process.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
      }
    }
    for (ServiceSpec service : services) {
      try {
        Files.deleteIfExists(layout.pidFile(service));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stopping.keySet().stream().map(ServiceSpec::name).toList();
  }

  /** The last {@code lines} lines of a service's log. */
  List<String> tail(ServiceSpec service, int lines) throws IOException {
    Path log = layout.logFile(service);
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }
}
