package io.integrationhub.hub;

import io.integrationhub.mllp.MllpException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code local/hub}: runs a whole flow on one machine without Docker.
 *
 * <pre>
 * up &lt;profile&gt;          start the broker and every service of the profile, wait until healthy
 * send &lt;profile&gt; [file] send the profile's sample (or a file), print the ACK and what MPI got
 * status                  which services run, and whether their health port answers
 * logs &lt;service&gt; [n]     the last n (200) lines of a service's log
 * down                    stop everything that runs
 * profiles                list the profiles and their services
 * </pre>
 */
public final class Hub {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final HubLayout layout;
  private final ServiceProcesses processes;
  private final PrintStream out;

  Hub(HubLayout layout, Map<String, String> environment, PrintStream out) {
    this.layout = layout;
    this.processes = new ServiceProcesses(layout, environment);
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> environment = System.getenv();
    HubLayout layout = HubLayout.from(environment);
    if (args.length > 0 && args[0].equals("broker")) {
      BrokerMain.run(layout);
      return;
    }
    int status = new Hub(layout, environment, System.out).run(List.of(args));
    System.exit(status);
  }

  /** Runs one command; returns the process exit status. */
  int run(List<String> args) throws IOException, InterruptedException {
    if (args.isEmpty()) {
      return usage();
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    return switch (command) {
      case "up" -> rest.size() == 1 ? withProfile(rest.get(0), this::up) : usage();
      case "send" ->
          rest.size() == 1 || rest.size() == 2
              ? withProfile(
                  rest.get(0),
                  p -> send(p, rest.size() == 2 ? Optional.of(rest.get(1)) : Optional.empty()))
              : usage();
      case "status" -> status();
      case "logs" ->
          rest.isEmpty() ? usage() : logs(rest.get(0), rest.size() > 1 ? rest.get(1) : "200");
      case "down" -> down();
      case "profiles" -> profiles();
      default -> usage();
    };
  }

  private interface ProfileCommand {
    int run(Profile profile) throws IOException, InterruptedException;
  }

  private int withProfile(String name, ProfileCommand command)
      throws IOException, InterruptedException {
    Optional<Profile> profile = Profile.named(name);
    if (profile.isEmpty()) {
      out.println("Unknown profile '" + name + "'. Profiles:");
      profiles();
      return 2;
    }
    return command.run(profile.get());
  }

  int up(Profile profile) throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    for (ServiceSpec service : profile.services()) {
      if (!service.isBroker() && !Files.isRegularFile(layout.jar(service))) {
        missing.add(layout.root().relativize(layout.jar(service)).toString());
      }
    }
    if (!missing.isEmpty()) {
      out.println("Not built yet: " + String.join(", ", missing));
      out.println("Build them with: ./mvnw -B -DskipTests package (local/hub does it for you)");
      return 1;
    }
    out.println("Starting profile " + profile.name() + " (logs in " + layout.run() + "/logs)");
    // The broker first; then every service at once (they start faster together than in turn).
    if (!startAndAwait(List.of(ServiceSpec.BROKER))) {
      return 1;
    }
    List<ServiceSpec> services = new ArrayList<>(profile.services());
    services.remove(ServiceSpec.BROKER);
    if (!startAndAwait(services)) {
      return 1;
    }
    out.printf(
        "Profile %s is up. Send its sample message with: local/hub send %s%n",
        profile.name(), profile.name());
    return 0;
  }

  private boolean startAndAwait(List<ServiceSpec> services)
      throws IOException, InterruptedException {
    Map<ServiceSpec, ProcessHandle> started = new java.util.LinkedHashMap<>();
    Map<ServiceSpec, Boolean> wasRunning = new java.util.HashMap<>();
    for (ServiceSpec service : services) {
      wasRunning.put(service, processes.running(service).isPresent());
      started.put(service, processes.start(service));
    }
    for (Map.Entry<ServiceSpec, ProcessHandle> entry : started.entrySet()) {
      ServiceSpec service = entry.getKey();
      if (!processes.awaitHealthy(service, entry.getValue(), START_TIMEOUT)) {
        out.printf("%s did not become healthy. Last lines of its log:%n", service.name());
        processes.tail(service, 30).forEach(line -> out.println("  " + line));
        return false;
      }
      out.printf(
          "  %-24s %s pid %-7d %s%n",
          service.name(),
          wasRunning.get(service) ? "already up" : "up        ",
          entry.getValue().pid(),
          listens(service));
    }
    return true;
  }

  private String listens(ServiceSpec service) {
    if (service.isBroker()) {
      return "broker " + layout.brokerUrl();
    }
    Map<String, String> env = processes.variables(service);
    StringBuilder text = new StringBuilder();
    ServiceSpec.port(env, "PORT")
        .ifPresent(port -> text.append("MLLP :").append(port).append("  "));
    text.append("health :").append(processes.healthPort(service));
    ServiceSpec.port(env, "MANAGEMENT_PORT")
        .ifPresent(
            port -> text.append("  http://127.0.0.1:").append(port).append("/actuator/health"));
    if (service.equals(ServiceSpec.MOCK_MPI)) {
      text.append("  received: ").append(layout.mpiJournal());
    }
    return text.toString();
  }

  int send(Profile profile, Optional<String> file) throws IOException, InterruptedException {
    Path message =
        file.isEmpty()
            ? layout.local().resolve("sample_messages").resolve(profile.sampleFile())
            : Path.of(file.get());
    if (!Files.isRegularFile(message)) {
      out.println("No such file: " + message);
      return 2;
    }
    Optional<Integer> port = ServiceSpec.port(processes.variables(profile.server()), "PORT");
    if (port.isEmpty()) {
      out.println("The env file of " + profile.server().name() + " sets no PORT");
      return 2;
    }
    int seen = MessageSend.journalSize(layout.mpiJournal());
    String ack;
    try {
      ack = MessageSend.send(MessageSend.readMessage(message), port.get(), Duration.ofSeconds(30));
    } catch (MllpException e) {
      out.printf(
          "No ACK from %s on port %d: %s%n(is the profile up? local/hub up %s)%n",
          profile.server().name(), port.get(), e.getMessage(), profile.name());
      return 1;
    }
    out.println("ACK from " + profile.server().name() + ":");
    out.println(MessageSend.printable(ack));
    Optional<String> code = MessageSend.ackCode(ack);
    if (!code.equals(Optional.of("AA"))) {
      out.println("The server did not accept the message, so MPI will not receive it.");
      return 1;
    }
    out.println("Waiting for the mock MPI ...");
    Optional<String> received =
        MessageSend.awaitReceived(layout.mpiJournal(), seen, Duration.ofSeconds(90));
    if (received.isEmpty()) {
      out.println(
          "The mock MPI has not received it within 90 s: see local/hub logs mpi-hl7-sender");
      return 1;
    }
    out.println("MPI (mock) received:");
    out.println(MessageSend.printable(received.get()));
    return 0;
  }

  int status() {
    for (ServiceSpec service : Profile.allServices()) {
      Optional<ProcessHandle> process = processes.running(service);
      if (process.isPresent()) {
        out.printf(
            "  %-24s pid %-7d %s%n",
            service.name(),
            process.get().pid(),
            ServiceProcesses.accepts(processes.healthPort(service)) ? "healthy" : "NOT answering");
      }
    }
    return 0;
  }

  private int logs(String name, String count) throws IOException {
    Optional<ServiceSpec> service =
        Profile.allServices().stream().filter(s -> s.name().equals(name)).findFirst();
    if (service.isEmpty()) {
      out.println("Unknown service '" + name + "'; see local/hub profiles");
      return 2;
    }
    processes.tail(service.get(), Integer.parseInt(count)).forEach(out::println);
    return 0;
  }

  int down() throws InterruptedException {
    List<ServiceSpec> services = new ArrayList<>(Profile.allServices());
    services.remove(ServiceSpec.BROKER);
    // The services first, together; the broker last, so none of them loses it while stopping.
    for (String name : processes.stop(services, STOP_GRACE)) {
      out.println("  stopped " + name);
    }
    for (String name : processes.stop(List.of(ServiceSpec.BROKER), STOP_GRACE)) {
      out.println("  stopped " + name);
    }
    return 0;
  }

  private int profiles() {
    for (Profile profile : Profile.ALL) {
      out.printf(
          "  %-14s %s%n",
          profile.name(),
          String.join(", ", profile.services().stream().map(ServiceSpec::name).toList()));
    }
    return 0;
  }

  private int usage() {
    out.println(
        """
        Usage: local/hub <command>
          up <profile>            start the broker and every service of the profile
          send <profile> [file]   send the profile's sample message (or a file) and show what MPI got
          status                  list running services
          logs <service> [lines]  show a service's log
          down                    stop everything
          profiles                list the profiles""");
    return 2;
  }
}
