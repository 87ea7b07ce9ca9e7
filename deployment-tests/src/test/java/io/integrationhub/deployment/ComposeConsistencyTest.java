package io.integrationhub.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.integrationhub.config.EnvFile;
import io.integrationhub.deployment.ComposeDockerfile.Instruction;
import io.integrationhub.deployment.ComposeProject.ComposePort;
import io.integrationhub.deployment.ComposeProject.ComposeService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code local/docker-compose.yml}, the service Dockerfiles, the env files, the secrets template
 * and {@code ca-certs/} agree with each other and with the Maven modules. No Docker is needed: the
 * files are read as text/YAML.
 */
class ComposeConsistencyTest {

  /** The profiles of the reference compose file that this project has (plus wds-to-mpi). */
  private static final Set<String> FLOW_PROFILES =
      Set.of(
          "phw-to-mpi",
          "paris-to-mpi",
          "chemo-to-mpi",
          "pims-to-mpi",
          "mosaiq-to-mpi",
          "wds-to-mpi",
          "mpi-to-topic");

  /** Env file name endings that belong to a compose service of the same name. */
  private static final List<String> SERVICE_ENV_SUFFIXES =
      List.of(
          "-hl7-server.env",
          "-hl7-transformer.env",
          "-hl7-sender.env",
          "-hl7-chemo-sender.env",
          "-hl7-mock-receiver.env");

  private static final String EMULATOR_ENDPOINT = "Endpoint=sb://sb-emulator;";

  private static ComposeProject compose;

  @BeforeAll
  static void load() {
    compose = ComposeProject.load();
  }

  private static Stream<ComposeService> appServices() {
    return compose.services().values().stream().filter(ComposeService::built);
  }

  private static Path dockerfileOf(ComposeService service) {
    return compose
        .local()
        .resolve(String.valueOf(service.build().get("context")))
        .resolve(String.valueOf(service.build().get("dockerfile")))
        .normalize();
  }

  private static String moduleOf(ComposeService service) {
    String dockerfile = String.valueOf(service.build().get("dockerfile"));
    int slash = dockerfile.lastIndexOf('/');
    return slash < 0 ? "" : dockerfile.substring(0, slash);
  }

  // ---- compose file -----------------------------------------------------------------------------

  @Test
  void theExpectedServicesAreThere() {
    assertThat(compose.services().keySet())
        .contains(
            "sb-emulator",
            "sqledge",
            "phw-hl7-server",
            "paris-hl7-server",
            "chemo-hl7-server",
            "pims-hl7-server",
            "mosaiq-hl7-server",
            "mpi-hl7-server",
            "phw-hl7-transformer",
            "chemo-hl7-transformer",
            "pims-hl7-transformer",
            "mpi-hl7-sender",
            "mpi-hl7-chemo-sender",
            "mpi-hl7-mock-receiver")
        .doesNotContain("message-store-service", "sqlserver", "message-replay-job", "bus-watch");
    String text = ComposeProject.read(compose.local().resolve(ComposeProject.COMPOSE_FILE));
    assertThat(text).contains("\nname: integration-hub\n");
    assertThat(compose.service("sb-emulator").volumes())
        .contains(
            "./ServiceBusEmulatorConfig.json:/ServiceBus_Emulator/ConfigFiles/Config.json:ro");
    assertThat(compose.service("sb-emulator").environment())
        .containsEntry("SQL_SERVER", "sqledge")
        .containsEntry("ACCEPT_EULA", "Y");
  }

  @Test
  void everyEnvFileExists() {
    List<String> missing = new ArrayList<>();
    compose
        .services()
        .values()
        .forEach(
            service -> {
              for (String file : service.envFiles()) {
                Path path =
                    file.equals(ComposeProject.SECRETS_FILE)
                        ? compose.local().resolve(".secrets-template") // .secrets is generated
                        : compose.local().resolve(file);
                if (!Files.isRegularFile(path)) {
                  missing.add(service.name() + " -> " + path);
                }
              }
            });
    assertThat(missing).as("env files named in compose but absent").isEmpty();
  }

  @Test
  void everyBuildUsesTheRootContextAnExistingDockerfileAndARootModule() {
    List<String> modules = compose.rootModules();
    appServices()
        .forEach(
            service -> {
              Map<String, Object> build = service.build();
              assertThat(build.get("context")).as(service.name() + " context").isEqualTo("..");
              assertThat(dockerfileOf(service)).as(service.name() + " dockerfile").isRegularFile();
              assertThat(modules).as(service.name() + " module").contains(moduleOf(service));
              assertThat(ComposeProject.map(build.get("additional_contexts"), "contexts"))
                  .as(service.name() + " additional_contexts")
                  .containsEntry("ca-certs", "../ca-certs");
            });
    assertThat(compose.root().resolve("ca-certs")).isDirectory();
  }

  @Test
  void everyAppServiceHasAKnownProfileAndInfrastructureHasNone() {
    compose
        .services()
        .values()
        .forEach(
            service -> {
              if (service.built()) {
                assertThat(service.profiles()).as(service.name() + " profiles").isNotEmpty();
                assertThat(FLOW_PROFILES).as(service.name()).containsAll(service.profiles());
              } else {
                assertThat(service.profiles()).as(service.name() + " starts always").isEmpty();
              }
            });
    // Every flow profile is complete: an HL7 server and the mock MPI.
    for (String profile : FLOW_PROFILES) {
      List<String> active = activeIn(profile);
      assertThat(active).as(profile).contains("mpi-hl7-mock-receiver");
      assertThat(active).as(profile).anyMatch(name -> name.endsWith("-hl7-server"));
    }
  }

  /** Services that {@code --profile <profile>} starts. */
  private static List<String> activeIn(String profile) {
    return compose.services().values().stream()
        .filter(s -> s.profiles().isEmpty() || s.profiles().contains(profile))
        .map(ComposeService::name)
        .toList();
  }

  @Test
  void hostPortsDoNotClash() {
    assertThat(portClashes(compose)).isEmpty();
  }

  @Test
  void aClashingHostPortIsFound() {
    String text = ComposeProject.read(compose.local().resolve(ComposeProject.COMPOSE_FILE));
    ComposeProject broken = ComposeProject.parse(text.replace("\"2577:2577\"", "\"2575:2577\""));
    assertThat(portClashes(broken)).isNotEmpty();
  }

  /** Clashes within one profile, and host ports used by two services at all. */
  private static List<String> portClashes(ComposeProject project) {
    List<String> clashes = new ArrayList<>();
    Map<Integer, String> owners = new HashMap<>();
    for (ComposeService service : project.services().values()) {
      for (ComposePort port : service.ports()) {
        String previous = owners.putIfAbsent(port.host(), service.name());
        if (previous != null && !previous.equals(service.name())) {
          clashes.add(port.host() + ": " + previous + " and " + service.name());
        }
      }
    }
    for (String profile : FLOW_PROFILES) {
      Map<Integer, String> inProfile = new HashMap<>();
      for (ComposeService service : project.services().values()) {
        if (!service.profiles().isEmpty() && !service.profiles().contains(profile)) {
          continue;
        }
        for (ComposePort port : service.ports()) {
          String previous = inProfile.putIfAbsent(port.host(), service.name());
          if (previous != null) {
            clashes.add(profile + " " + port.host() + ": " + previous + " and " + service.name());
          }
        }
      }
    }
    return clashes;
  }

  @Test
  void healthChecksProbeThePortOfTheEnvFile() {
    assertThat(healthCheckMismatches(compose)).isEmpty();
  }

  @Test
  void aHealthCheckOnTheWrongPortIsFound() {
    String text = ComposeProject.read(compose.local().resolve(ComposeProject.COMPOSE_FILE));
    ComposeProject broken =
        ComposeProject.parse(text.replace("/dev/tcp/127.0.0.1/9041", "/dev/tcp/127.0.0.1/9000"));
    assertThat(healthCheckMismatches(broken)).hasSize(1);
  }

  private static List<String> healthCheckMismatches(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    project.services().values().stream()
        .filter(ComposeService::built)
        .forEach(
            service -> {
              String fromFile = project.envFileVariables(service).get("HEALTH_CHECK_PORT");
              String effective = project.effectiveEnvironment(service).get("HEALTH_CHECK_PORT");
              String probed = service.healthCheckPort().map(String::valueOf).orElse("none");
              if (fromFile == null || !fromFile.equals(probed) || !fromFile.equals(effective)) {
                problems.add(
                    service.name()
                        + ": env file "
                        + fromFile
                        + ", effective "
                        + effective
                        + ", probed "
                        + probed);
              }
              Map<String, Object> timing = service.healthcheck();
              if (!"10s".equals(timing.get("interval"))
                  || !"3s".equals(timing.get("timeout"))
                  || !Integer.valueOf(3).equals(timing.get("retries"))
                  || !"20s".equals(timing.get("start_period"))) {
                problems.add(service.name() + ": health check timing " + timing);
              }
            });
    return problems;
  }

  @Test
  void publishedPortsAreTheListenersPortsOnAllInterfaces() {
    appServices()
        .filter(service -> !service.ports().isEmpty())
        .forEach(
            service -> {
              Map<String, String> env = compose.effectiveEnvironment(service);
              assertThat(service.ports())
                  .as(service.name())
                  .allSatisfy(
                      port ->
                          assertThat(String.valueOf(port.container())).isEqualTo(env.get("PORT")));
              assertThat(env).as(service.name()).containsEntry("HOST", "0.0.0.0");
            });
  }

  @Test
  void containersUseTheEmulatorAndContainerHostNames() {
    appServices()
        .forEach(
            service -> {
              Map<String, String> env = compose.effectiveEnvironment(service);
              assertThat(env.get("SERVICE_BUS_CONNECTION_STRING"))
                  .as(service.name())
                  .startsWith(EMULATOR_ENDPOINT)
                  .contains("UseDevelopmentEmulator=true");
              assertThat(env).as(service.name()).containsEntry("MESSAGE_BUS", "servicebus");
              String topology = env.getOrDefault("MESSAGE_BUS_TOPOLOGY_FILE", "");
              if (!topology.isBlank()) {
                assertThat(topology).as(service.name() + " topology file").startsWith("/");
                assertThat(service.volumes())
                    .as(service.name() + " mounts its topology file")
                    .contains("./" + EnvFile.TOPOLOGY_FILE + ":" + topology + ":ro");
              }
              String receiver = env.get("RECEIVER_MLLP_HOST");
              if (receiver != null) {
                assertThat(compose.services()).as(service.name()).containsKey(receiver);
                ComposeService target = compose.service(receiver);
                assertThat(target.profiles()).containsAll(service.profiles());
                assertThat(String.valueOf(target.ports().get(0).container()))
                    .as(service.name() + " RECEIVER_MLLP_PORT")
                    .isEqualTo(env.get("RECEIVER_MLLP_PORT"));
              }
            });
  }

  @Test
  void dependenciesExistAndRunWheneverTheDependentRuns() {
    compose
        .services()
        .values()
        .forEach(
            service -> {
              if (service.built()) {
                assertThat(service.dependsOn()).as(service.name()).contains("sb-emulator");
              }
              for (String dependency : service.dependsOn()) {
                assertThat(compose.services()).as(service.name()).containsKey(dependency);
                List<String> profiles = compose.service(dependency).profiles();
                if (!profiles.isEmpty()) {
                  assertThat(service.profiles()).isNotEmpty();
                  assertThat(profiles)
                      .as(service.name() + " depends on " + dependency)
                      .containsAll(service.profiles());
                }
              }
            });
  }

  @Test
  void everyServiceEnvFileInLocalIsUsedByItsService() throws IOException {
    Set<String> unused = new TreeSet<>();
    try (Stream<Path> files = Files.list(compose.local())) {
      files
          .map(path -> path.getFileName().toString())
          .filter(name -> SERVICE_ENV_SUFFIXES.stream().anyMatch(name::endsWith))
          .forEach(
              name -> {
                String serviceName = name.substring(0, name.length() - ".env".length());
                ComposeService service = compose.services().get(serviceName);
                if (service == null || !service.envFiles().contains(name)) {
                  unused.add(name);
                }
              });
    }
    assertThat(unused).as("service env files without their compose service").isEmpty();
  }

  // ---- Dockerfiles ----------------------------------------------------------------------------

  @Test
  void everyServiceModuleWithADockerfileIsBuiltByCompose() {
    Set<String> built = new LinkedHashSet<>();
    appServices().forEach(service -> built.add(moduleOf(service)));
    List<String> withDockerfile =
        compose.rootModules().stream()
            .filter(
                module -> Files.isRegularFile(compose.root().resolve(module).resolve("Dockerfile")))
            .toList();
    assertThat(built)
        .containsExactlyInAnyOrderElementsOf(withDockerfile)
        .contains(
            "hl7-server",
            "hl7-transformer-phw",
            "hl7-transformer-chemo",
            "hl7-transformer-pims",
            "hl7-sender",
            "hl7-mock-receiver");
  }

  @Test
  void everyDockerfileHasTheCommonShape() {
    Set<Path> dockerfiles = new LinkedHashSet<>();
    Map<Path, String> modules = new LinkedHashMap<>();
    appServices()
        .forEach(
            service -> {
              dockerfiles.add(dockerfileOf(service));
              modules.put(dockerfileOf(service), moduleOf(service));
            });
    for (Path file : dockerfiles) {
      assertThat(dockerfileProblems(ComposeDockerfile.read(file), modules.get(file)))
          .as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void dockerfileDefectsAreFound() throws IOException {
    Path file = compose.root().resolve("hl7-sender/Dockerfile");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> breakages = new LinkedHashMap<>();
    breakages.put("USER appuser", "USER root");
    breakages.put("FROM eclipse-temurin:21-jre", "FROM eclipse-temurin:21-jdk");
    breakages.put("HEALTHCHECK", "# HEALTHCHECK");
    breakages.put("keytool -importcert", "echo");
    breakages.put("hl7-sender-*-exec.jar", "hl7-sender-*.jar");
    breakages.put("COPY hub-launcher/pom.xml hub-launcher/", "");
    for (Map.Entry<String, String> breakage : breakages.entrySet()) {
      assertThat(text).contains(breakage.getKey());
      ComposeDockerfile broken =
          ComposeDockerfile.parse(file, text.replace(breakage.getKey(), breakage.getValue()));
      assertThat(dockerfileProblems(broken, "hl7-sender"))
          .as("breaking " + breakage.getKey())
          .isNotEmpty();
    }
    assertThatThrownBy(() -> ComposeDockerfile.parse(file, "RUN true").runtimeStage())
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> dockerfileProblems(ComposeDockerfile dockerfile, String module) {
    List<String> problems = new ArrayList<>();
    List<Instruction> runtime = dockerfile.runtimeStage();
    if (!runtime.get(0).arguments().equals("eclipse-temurin:21-jre")) {
      problems.add("runtime stage is not FROM eclipse-temurin:21-jre: " + runtime.get(0));
    }
    if (dockerfile.buildStages().isEmpty()
        || !dockerfile
            .buildStages()
            .get(0)
            .get(0)
            .arguments()
            .startsWith("maven:3.9-eclipse-temurin-21")) {
      problems.add("no maven:3.9-eclipse-temurin-21 build stage");
    }
    List<Instruction> users = ComposeDockerfile.withKeyword(runtime, "USER");
    String user = users.isEmpty() ? "root" : users.get(users.size() - 1).arguments();
    if (user.equals("root") || user.startsWith("0") || user.startsWith("root:")) {
      problems.add("runtime user is root");
    }
    List<Instruction> health = ComposeDockerfile.withKeyword(runtime, "HEALTHCHECK");
    if (health.size() != 1
        || !health.get(0).arguments().contains("/dev/tcp/127.0.0.1/${HEALTH_CHECK_PORT:-9000}")) {
      problems.add("no HEALTHCHECK on ${HEALTH_CHECK_PORT:-9000}: " + health);
    }
    for (List<Instruction> stage : dockerfile.stages()) {
      boolean copiesCaCerts =
          ComposeDockerfile.withKeyword(stage, "COPY").stream()
              .anyMatch(i -> i.arguments().startsWith("--from=ca-certs "));
      boolean imports =
          ComposeDockerfile.withKeyword(stage, "RUN").stream()
              .anyMatch(
                  i ->
                      i.arguments().contains("*.crt")
                          && i.arguments().contains("keytool -importcert")
                          && i.arguments().contains("-cacerts"));
      if (!copiesCaCerts || !imports) {
        problems.add("stage " + stage.get(0) + " does not import the ca-certs *.crt files");
      }
    }
    String jar = "/build/" + module + "/target/" + module + "-*-exec.jar /app/app.jar";
    if (ComposeDockerfile.withKeyword(runtime, "COPY").stream()
        .noneMatch(i -> i.arguments().startsWith("--from=build") && i.arguments().endsWith(jar))) {
      problems.add("runtime stage does not copy " + jar);
    }
    List<Instruction> entrypoints = ComposeDockerfile.withKeyword(runtime, "ENTRYPOINT");
    if (entrypoints.size() != 1
        || !entrypoints
            .get(0)
            .arguments()
            .equals("[\"java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/app/app.jar\"]")) {
      problems.add("unexpected ENTRYPOINT " + entrypoints);
    }
    if (ComposeDockerfile.withKeyword(runtime, "WORKDIR").stream()
        .noneMatch(i -> i.arguments().equals("/app"))) {
      problems.add("no WORKDIR /app");
    }
    String allRun =
        String.join("\n", dockerfile.all().stream().map(Instruction::toString).toList());
    if (!allRun.contains("-pl " + module + " -am -DskipTests")) {
      problems.add("does not build only " + module + " (-pl " + module + " -am -DskipTests)");
    }
    if (!allRun.contains("--uid 5678")) {
      problems.add("user is not UID 5678");
    }
    // The reactor needs every module's pom, copied before the sources for the dependency layer.
    List<String> copies =
        dockerfile.buildStages().stream()
            .flatMap(List::stream)
            .filter(i -> i.keyword().equals("COPY"))
            .map(Instruction::arguments)
            .toList();
    for (String rootModule : compose.rootModules()) {
      if (!copies.contains(rootModule + "/pom.xml " + rootModule + "/")) {
        problems.add("build stage does not copy " + rootModule + "/pom.xml");
      }
    }
    return problems;
  }

  // ---- secrets, ca-certs, .dockerignore ---------------------------------------------------------

  @Test
  void secretsAreIgnoredAndTheTemplateHoldsNoValues() throws IOException {
    List<String> ignored =
        Files.readAllLines(compose.local().resolve(".gitignore"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .toList();
    assertThat(ignored).containsAnyOf(".secrets", "/.secrets");
    Map<String, String> template = EnvFile.read(compose.local().resolve(".secrets-template"));
    assertThat(template).containsKey("MSSQL_SA_PASSWORD");
    assertThat(template.values()).as("values in .secrets-template").allMatch(String::isEmpty);
    List<String> caIgnored =
        Files.readAllLines(compose.root().resolve("ca-certs/.gitignore"), StandardCharsets.UTF_8)
            .stream()
            .map(String::strip)
            .toList();
    assertThat(caIgnored).contains("*.crt", "*.pem");
    assertThat(compose.root().resolve("ca-certs/README.md")).isRegularFile();
    List<String> dockerignore =
        Files.readAllLines(compose.root().resolve(".dockerignore"), StandardCharsets.UTF_8);
    assertThat(dockerignore)
        .contains("**/target/", ".git/", "data/", "local/run/", "local/.secrets");
  }

  @Test
  void theGeneratorPrintsAStrongValueForEveryTemplateName() throws Exception {
    Path script = compose.local().resolve("generate-secrets.sh");
    assertThat(script).isRegularFile();
    assertThat(Files.isExecutable(script)).as("generate-secrets.sh is executable").isTrue();
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "bash is needed to run the generator");
    Process process =
        new ProcessBuilder(bash.toString(), script.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    Map<String, String> generated = new LinkedHashMap<>();
    for (String line : output.strip().split("\\R")) {
      int equals = line.indexOf('=');
      generated.put(line.substring(0, equals), line.substring(equals + 1));
    }
    Map<String, String> template = EnvFile.read(compose.local().resolve(".secrets-template"));
    assertThat(generated.keySet()).containsExactlyElementsOf(template.keySet());
    generated.forEach(
        (name, value) -> {
          assertThat(value).as(name).hasSizeGreaterThanOrEqualTo(20).doesNotContain("$", "\"", " ");
          assertThat(value).as(name + " has a digit").matches("(?s).*[0-9].*");
          assertThat(value).as(name + " has a symbol").matches("(?s).*[^A-Za-z0-9].*");
          assertThat(value).as(name + " has a letter").matches("(?s).*[A-Za-z].*");
        });
  }
}
