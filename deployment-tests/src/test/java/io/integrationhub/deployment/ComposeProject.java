package io.integrationhub.deployment;

import io.integrationhub.config.EnvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Read-only view of {@code local/docker-compose.yml} and the files around it, for {@link
 * ComposeConsistencyTest}. SnakeYAML resolves the anchors and merge keys ({@code <<: *app}), so
 * each service is seen as compose sees it.
 */
final class ComposeProject {

  static final String COMPOSE_FILE = "docker-compose.yml";
  static final String SECRETS_FILE = ".secrets";

  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

  private final Path local;
  private final Path root;
  private final Map<String, ComposeService> services;

  private ComposeProject(Path local, Map<String, ComposeService> services) {
    this.local = local;
    this.root = local.getParent();
    this.services = services;
  }

  /** Loads the compose file of the repository's {@code local/} directory. */
  static ComposeProject load() {
    Path local = EnvFile.localDirectory();
    return new ComposeProject(local, parse(local, read(local.resolve(COMPOSE_FILE))));
  }

  /** Parses compose text, as if it were {@code local/docker-compose.yml} (for negative tests). */
  static ComposeProject parse(String yaml) {
    Path local = EnvFile.localDirectory();
    return new ComposeProject(local, parse(local, yaml));
  }

  Path local() {
    return local;
  }

  Path root() {
    return root;
  }

  Map<String, ComposeService> services() {
    return services;
  }

  ComposeService service(String name) {
    ComposeService service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no compose service " + name);
    }
    return service;
  }

  /** The {@code <module>} entries of the root pom.xml. */
  List<String> rootModules() {
    List<String> modules = new ArrayList<>();
    Matcher matcher = MODULE.matcher(read(root.resolve("pom.xml")));
    while (matcher.find()) {
      modules.add(matcher.group(1));
    }
    return modules;
  }

  /** Env files merged in order, then {@code environment:} on top: what the container sees. */
  Map<String, String> effectiveEnvironment(ComposeService service) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String file : service.envFiles()) {
      if (!file.equals(SECRETS_FILE)) {
        env.putAll(EnvFile.read(local.resolve(file)));
      }
    }
    env.putAll(service.environment());
    return env;
  }

  /** The variables the service's own env files set, without compose overrides. */
  Map<String, String> envFileVariables(ComposeService service) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String file : service.envFiles()) {
      if (!file.equals(SECRETS_FILE)) {
        env.putAll(EnvFile.read(local.resolve(file)));
      }
    }
    return env;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static Map<String, ComposeService> parse(Path local, String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(new SafeConstructor(options)).load(yaml);
    Map<String, Object> top = map(document, "compose file");
    Map<String, ComposeService> services = new LinkedHashMap<>();
    map(top.get("services"), "services")
        .forEach((name, body) -> services.put(name, ComposeService.of(name, map(body, name))));
    if (services.isEmpty()) {
      throw new IllegalStateException("no services in " + local.resolve(COMPOSE_FILE));
    }
    return services;
  }

  /** A YAML mapping with string keys (null = empty). */
  static Map<String, Object> map(Object node, String where) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (node == null) {
      return result;
    }
    if (!(node instanceof Map<?, ?> raw)) {
      throw new IllegalStateException(where + " is not a mapping: " + node);
    }
    raw.forEach((key, value) -> result.put(String.valueOf(key), value));
    return result;
  }

  /** A YAML sequence (a scalar counts as a one-element list, null as empty). */
  static List<Object> list(Object node) {
    List<Object> result = new ArrayList<>();
    if (node instanceof List<?> raw) {
      result.addAll(raw);
    } else if (node != null) {
      result.add(node);
    }
    return result;
  }

  /** One service of the compose file. */
  record ComposeService(String name, Map<String, Object> body) {

    static ComposeService of(String name, Map<String, Object> body) {
      return new ComposeService(name, body);
    }

    boolean built() {
      return body.containsKey("build");
    }

    Map<String, Object> build() {
      return map(body.get("build"), name + ".build");
    }

    List<String> profiles() {
      return list(body.get("profiles")).stream().map(String::valueOf).toList();
    }

    /** {@code env_file} entries, short ({@code - a.env}) or long ({@code - path: a.env}) form. */
    List<String> envFiles() {
      List<String> files = new ArrayList<>();
      for (Object entry : list(body.get("env_file"))) {
        if (entry instanceof Map<?, ?> long_) {
          files.add(String.valueOf(long_.get("path")));
        } else {
          files.add(String.valueOf(entry));
        }
      }
      return files;
    }

    /** {@code environment}, map or {@code - NAME=value} list form; null values as empty. */
    Map<String, String> environment() {
      Map<String, String> env = new LinkedHashMap<>();
      Object node = body.get("environment");
      if (node instanceof List<?> entries) {
        for (Object entry : entries) {
          String text = String.valueOf(entry);
          int equals = text.indexOf('=');
          env.put(
              equals < 0 ? text : text.substring(0, equals),
              equals < 0 ? "" : text.substring(equals + 1));
        }
      } else {
        map(node, name + ".environment")
            .forEach((key, value) -> env.put(key, value == null ? "" : String.valueOf(value)));
      }
      return env;
    }

    /** Published ports as (host port, container port); short syntax only. */
    List<ComposePort> ports() {
      List<ComposePort> ports = new ArrayList<>();
      for (Object entry : list(body.get("ports"))) {
        ports.add(ComposePort.parse(name, String.valueOf(entry)));
      }
      return ports;
    }

    Set<String> dependsOn() {
      Object node = body.get("depends_on");
      Set<String> names = new LinkedHashSet<>();
      if (node instanceof Map<?, ?> long_) {
        long_.keySet().forEach(key -> names.add(String.valueOf(key)));
      } else {
        list(node).forEach(entry -> names.add(String.valueOf(entry)));
      }
      return names;
    }

    Map<String, Object> healthcheck() {
      return map(body.get("healthcheck"), name + ".healthcheck");
    }

    /** The TCP port the health check connects to ({@code /dev/tcp/127.0.0.1/<port>}), if any. */
    Optional<Integer> healthCheckPort() {
      String test =
          String.join(" ", list(healthcheck().get("test")).stream().map(String::valueOf).toList());
      Matcher matcher =
          Pattern.compile("/dev/tcp/(?:127\\.0\\.0\\.1|localhost)/(\\d+)").matcher(test);
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    List<String> volumes() {
      return list(body.get("volumes")).stream().map(String::valueOf).toList();
    }
  }

  /** One {@code [ip:]host:container[/protocol]} mapping. */
  record ComposePort(String service, String hostIp, int host, int container) {

    static ComposePort parse(String service, String spec) {
      String withoutProtocol = spec.replaceFirst("/(tcp|udp)$", "");
      String[] parts = withoutProtocol.split(":");
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalStateException(
            service + ": use the explicit HOST:CONTAINER port syntax, not " + spec);
      }
      String ip = parts.length == 3 ? parts[0] : "0.0.0.0";
      return new ComposePort(
          service,
          ip,
          Integer.parseInt(parts[parts.length - 2]),
          Integer.parseInt(parts[parts.length - 1]));
    }
  }
}
