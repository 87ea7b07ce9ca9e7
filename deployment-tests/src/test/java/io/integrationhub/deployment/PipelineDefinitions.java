package io.integrationhub.deployment;

import io.integrationhub.config.EnvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Read-only view of the Azure DevOps pipelines under {@code pipeline-ado/} and of the root pom's
 * modules, for {@link PipelineDefinitionsTest}. Every check returns its violations (empty when the
 * pipelines are right), so tests can also run a check against a deliberately broken copy ({@link
 * #with(String, String)}) and see it fail.
 */
final class PipelineDefinitions {

  static final String DIR = "pipeline-ado";
  static final String RELEASE = "release-apps.yml";
  static final String RELEASE_TEMPLATE = "templates/release-app.yml";
  static final String DOCKER_TEMPLATE = "templates/docker-build-push.yml";
  static final String QUALITY_TEMPLATE = "templates/maven-quality.yml";

  /** Top-level folders that path filters may name although they are not Maven modules. */
  static final Set<String> SHARED_FOLDERS =
      Set.of(
          "libs", ".mvn", "ca-certs", "pipeline-ado", "pipeline-ado/templates", "docs", "config");

  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
  private static final Pattern PL = Pattern.compile("(?:^|\\s)-pl\\s+([\\w./,-]+)");
  private static final Pattern DOCKERFILE = Pattern.compile("^([\\w./-]+)/Dockerfile$");
  private static final Pattern EQ_CALL = Pattern.compile("\\b(eq|ne)\\(");

  private final Path root;
  private final Set<String> modules;
  private final Map<String, String> texts;
  private final Map<String, Object> docs = new TreeMap<>();
  private final Map<String, String> yamlErrors = new TreeMap<>();

  private PipelineDefinitions(Path root, Set<String> modules, Map<String, String> texts) {
    this.root = root;
    this.modules = modules;
    this.texts = texts;
    texts.forEach(
        (file, text) -> {
          try {
            docs.put(file, newYaml().load(text));
          } catch (YAMLException e) {
            yamlErrors.put(file, e.getMessage());
          }
        });
  }

  /** Loads every {@code *.yml} under {@code pipeline-ado/} and the root pom's modules. */
  static PipelineDefinitions load() {
    Path root = EnvFile.localDirectory().getParent();
    Path dir = root.resolve(DIR);
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
        texts.put(dir.relativize(file).toString().replace('\\', '/'), read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    Set<String> modules = new LinkedHashSet<>();
    Matcher matcher = MODULE.matcher(read(root.resolve("pom.xml")));
    while (matcher.find()) {
      modules.add(matcher.group(1));
    }
    return new PipelineDefinitions(root, modules, texts);
  }

  /** A copy in which {@code file} (relative to {@code pipeline-ado/}) has the given text. */
  PipelineDefinitions with(String file, String text) {
    Map<String, String> copy = new TreeMap<>(texts);
    copy.put(file, text);
    return new PipelineDefinitions(root, modules, copy);
  }

  /** A copy without {@code file}. */
  PipelineDefinitions without(String file) {
    Map<String, String> copy = new TreeMap<>(texts);
    copy.remove(file);
    return new PipelineDefinitions(root, modules, copy);
  }

  Path root() {
    return root;
  }

  Set<String> modules() {
    return modules;
  }

  Map<String, String> texts() {
    return texts;
  }

  String text(String file) {
    return texts.get(file);
  }

  Object doc(String file) {
    return docs.get(file);
  }

  /** Files that are not valid YAML, with the parser's message. */
  Map<String, String> yamlErrors() {
    return yamlErrors;
  }

  /** {@code template:} references that do not resolve to a pipeline file (relative to the file). */
  List<String> unresolvedTemplates() {
    List<String> problems = new ArrayList<>();
    docs.forEach(
        (file, doc) ->
            walk(
                doc,
                (key, value) -> {
                  if ("template".equals(key) && value instanceof String ref) {
                    String target = resolve(file, ref);
                    if (!texts.containsKey(target)) {
                      problems.add(file + ": template " + ref + " -> " + target + " not found");
                    }
                  }
                }));
    return problems;
  }

  /** Every module reference (by kind) found in the pipelines, as {@code file: kind value}. */
  Map<String, String> moduleReferences() {
    Map<String, String> references = new LinkedHashMap<>();
    docs.forEach(
        (file, doc) -> {
          walk(
              doc,
              (key, value) -> {
                if (key != null && key.equalsIgnoreCase("module") && value instanceof String m) {
                  references.put(file + ": module " + m, m);
                }
              });
          for (String string : strings(doc)) {
            Matcher pl = PL.matcher(string);
            while (pl.find()) {
              for (String m : pl.group(1).split(",")) {
                references.put(file + ": -pl " + m, m);
              }
            }
            Matcher dockerfile = DOCKERFILE.matcher(string.strip());
            if (dockerfile.matches()) {
              references.put(file + ": dockerfile " + string, dockerfile.group(1));
            }
          }
          for (String filter : pathFilters(doc)) {
            if (filter.endsWith("/**") && !filter.startsWith("*")) {
              String folder = filter.substring(0, filter.length() - 3);
              if (!SHARED_FOLDERS.contains(folder)) {
                references.put(file + ": path filter " + filter, folder);
              }
            }
          }
        });
    return references;
  }

  /** Module references that are not a {@code <module>} of the root pom.xml. */
  List<String> unknownModules() {
    List<String> problems = new ArrayList<>();
    moduleReferences()
        .forEach(
            (where, module) -> {
              if (!modules.contains(module)) {
                problems.add(where + " is not a module of the root pom.xml " + modules);
              }
            });
    return problems;
  }

  /** The build pipelines ({@code *-build.yml}) by file, each with what it passes the template. */
  Map<String, Map<?, ?>> buildPipelines() {
    Map<String, Map<?, ?>> builds = new TreeMap<>();
    docs.forEach(
        (file, doc) -> {
          if (file.endsWith("-build.yml") && !file.contains("/")) {
            Map<?, ?> parameters = new LinkedHashMap<>();
            for (Object stage : list(map(doc).get("stages"))) {
              for (Object job : list(map(stage).get("jobs"))) {
                if (DOCKER_TEMPLATE.equals(map(job).get("template"))) {
                  parameters = map(map(job).get("parameters"));
                }
              }
            }
            builds.put(file, parameters);
          }
        });
    return builds;
  }

  /** The release app entries passed by release-apps.yml to the release template. */
  List<Map<?, ?>> releaseApps() {
    return releaseParameter("apps").stream().<Map<?, ?>>map(PipelineDefinitions::map).toList();
  }

  /** The release environments passed by release-apps.yml to the release template. */
  List<Map<?, ?>> releaseEnvironments() {
    return releaseParameter("environments").stream()
        .<Map<?, ?>>map(PipelineDefinitions::map)
        .toList();
  }

  private List<?> releaseParameter(String name) {
    for (Object stage : list(map(doc(RELEASE)).get("stages"))) {
      if (RELEASE_TEMPLATE.equals(map(stage).get("template"))) {
        return list(map(map(stage).get("parameters")).get(name));
      }
    }
    return List.of();
  }

  /** Release pipeline resources: alias to source pipeline definition name. */
  Map<String, String> releaseResources() {
    Map<String, String> resources = new LinkedHashMap<>();
    for (Object pipeline : list(map(map(doc(RELEASE)).get("resources")).get("pipelines"))) {
      resources.put(
          String.valueOf(map(pipeline).get("pipeline")),
          String.valueOf(map(pipeline).get("source")));
    }
    return resources;
  }

  /**
   * Images built by some build pipeline that no release app deploys, and images release apps deploy
   * that no build pipeline builds; plus apps whose build-pipeline resource does not build their
   * image from their module.
   */
  List<String> imageMismatches() {
    List<String> problems = new ArrayList<>();
    Set<String> built = new LinkedHashSet<>();
    buildPipelines().values().forEach(p -> built.add(String.valueOf(p.get("imageName"))));
    Set<String> released = new LinkedHashSet<>();
    releaseApps().forEach(app -> released.add(String.valueOf(app.get("image"))));
    built.stream()
        .filter(i -> !released.contains(i))
        .forEach(i -> problems.add("image " + i + " is built but no release app deploys it"));
    released.stream()
        .filter(i -> !built.contains(i))
        .forEach(i -> problems.add("image " + i + " is released but no build pipeline builds it"));
    Map<String, String> resources = releaseResources();
    for (Map<?, ?> app : releaseApps()) {
      String id = String.valueOf(app.get("id"));
      String source = resources.get(String.valueOf(app.get("buildPipeline")));
      Map<?, ?> build = source == null ? null : buildPipelines().get(source + ".yml");
      if (build == null) {
        problems.add(
            "app " + id + ": buildPipeline " + app.get("buildPipeline") + " is no build pipeline");
        continue;
      }
      if (!String.valueOf(app.get("image")).equals(build.get("imageName"))) {
        problems.add("app " + id + ": " + source + " builds " + build.get("imageName"));
      }
      if (!(app.get("module") + "/Dockerfile").equals(build.get("dockerfile"))) {
        problems.add("app " + id + ": module " + app.get("module") + " but " + build);
      }
    }
    return problems;
  }

  /**
   * Service images (module to image names) without a build pipeline building that image from that
   * module's Dockerfile; also every module holding a Dockerfile must have a build pipeline.
   */
  List<String> servicesWithoutBuildPipeline(Map<String, List<String>> serviceImages) {
    List<String> problems = new ArrayList<>();
    Set<String> pairs = new LinkedHashSet<>();
    Set<String> dockerfiles = new LinkedHashSet<>();
    buildPipelines()
        .values()
        .forEach(
            p -> {
              pairs.add(p.get("dockerfile") + " -> " + p.get("imageName"));
              dockerfiles.add(String.valueOf(p.get("dockerfile")));
            });
    serviceImages.forEach(
        (module, images) ->
            images.forEach(
                image -> {
                  if (!pairs.contains(module + "/Dockerfile -> " + image)) {
                    problems.add("no build pipeline builds " + image + " from " + module);
                  }
                }));
    for (String module : modules) {
      String dockerfile = module + "/Dockerfile";
      if (Files.isRegularFile(root.resolve(dockerfile)) && !dockerfiles.contains(dockerfile)) {
        problems.add(dockerfile + " exists but no build pipeline builds it");
      }
    }
    return problems;
  }

  /** Release stage names, app ids × environments, in the order the template generates them. */
  List<String> releaseStageNames() {
    List<String> names = new ArrayList<>();
    for (Map<?, ?> env : releaseEnvironments()) {
      for (Map<?, ?> app : releaseApps()) {
        names.add("Release_" + app.get("id") + "_" + env.get("name"));
      }
    }
    return names;
  }

  /** Duplicate or non-identifier release stage names, and a template not naming stages by id. */
  List<String> releaseStageProblems() {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : releaseStageNames()) {
      if (!seen.add(name)) {
        problems.add("duplicate release stage " + name);
      }
      if (!name.matches("[A-Za-z0-9_]+")) {
        problems.add("release stage name " + name + " is not [A-Za-z0-9_]+");
      }
    }
    String template = text(RELEASE_TEMPLATE);
    if (template == null
        || !template.contains("- stage: Release_${{ app.id }}_${{ stageEnv.name }}")) {
      problems.add(
          RELEASE_TEMPLATE + " must name stages Release_${{ app.id }}_${{ stageEnv.name }}");
    }
    return problems;
  }

  /** Calls of {@code eq(} / {@code ne(} that do not have exactly two arguments. */
  List<String> badEqualityCalls() {
    List<String> problems = new ArrayList<>();
    texts.forEach(
        (file, text) -> {
          Matcher call = EQ_CALL.matcher(text);
          while (call.find()) {
            int arguments = countArguments(text, call.end());
            if (arguments != 2) {
              int line =
                  (int) text.substring(0, call.start()).chars().filter(c -> c == '\n').count();
              problems.add(
                  file + ":" + (line + 1) + ": " + call.group(1) + "( with " + arguments + " args");
            }
          }
        });
    return problems;
  }

  /** Top-level arguments of the call whose '(' ends at {@code start}; -1 if unbalanced. */
  static int countArguments(String text, int start) {
    int depth = 0;
    int arguments = 1;
    boolean quoted = false;
    boolean empty = true;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        quoted = c != '\'';
      } else if (c == '\'') {
        quoted = true;
        empty = false;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return empty ? 0 : arguments;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        arguments++;
      } else if (c == '\n') {
        return -1;
      } else if (!Character.isWhitespace(c)) {
        empty = false;
      }
    }
    return -1;
  }

  /**
   * Trivy and container-app-update steps that could pass although they failed: continue-on-error, a
   * forced exit code 0, or (for Trivy) no {@code --exit-code 1}. Also checks that such steps exist
   * and that the image is scanned before it is pushed.
   */
  List<String> nonBlockingGates() {
    List<String> problems = new ArrayList<>();
    int[] trivy = {0};
    int[] update = {0};
    docs.forEach(
        (file, doc) ->
            forEachStep(
                doc,
                step -> {
                  String body = String.join("\n", strings(step));
                  boolean scan = body.contains("trivy image") && body.contains("--severity");
                  boolean deploy = body.contains("az containerapp update");
                  if (!scan && !deploy) {
                    return;
                  }
                  String what = file + ": " + step.get("displayName");
                  Object continueOnError = step.get("continueOnError");
                  if (continueOnError != null && !"false".equals(String.valueOf(continueOnError))) {
                    problems.add(what + " has continueOnError: " + continueOnError);
                  }
                  if (body.matches("(?s).*--exit-code[ =]0\\b.*") || body.contains("|| true")) {
                    problems.add(what + " swallows its exit code");
                  }
                  if (scan) {
                    trivy[0]++;
                    if (!body.matches("(?s).*--exit-code[ =]1\\b.*")
                        || !body.contains("HIGH,CRITICAL")) {
                      problems.add(what + " must fail (--exit-code 1) on HIGH,CRITICAL");
                    }
                  }
                  if (deploy) {
                    update[0]++;
                  }
                }));
    if (trivy[0] == 0) {
      problems.add("no blocking Trivy scan step found");
    }
    if (update[0] == 0) {
      problems.add("no container-app update step found");
    }
    String docker = text(DOCKER_TEMPLATE);
    if (docker != null) {
      int build = docker.indexOf("docker buildx build");
      int scan = docker.indexOf("trivy image");
      int push = docker.indexOf("docker push");
      if (build < 0 || scan < 0 || push < 0 || !(build < scan && scan < push)) {
        problems.add(DOCKER_TEMPLATE + " must build, then scan, then push");
      }
      if (docker.contains("--push")) {
        problems.add(DOCKER_TEMPLATE + " must not push from docker buildx build (before the scan)");
      }
    }
    return problems;
  }

  /** Path filters that are not recursive ({@code folder/*}, or a bare existing folder). */
  List<String> nonRecursivePathFilters() {
    List<String> problems = new ArrayList<>();
    docs.forEach(
        (file, doc) -> {
          for (String filter : pathFilters(doc)) {
            boolean glob = filter.contains("*");
            if (glob && filter.endsWith("*") && !filter.endsWith("**")) {
              problems.add(file + ": path filter " + filter + " is not recursive (use /**)");
            } else if (!glob && Files.isDirectory(root.resolve(filter))) {
              problems.add(
                  file + ": path filter " + filter + " names a folder (use " + filter + "/**)");
            }
          }
        });
    return problems;
  }

  /** Path filters of a pipeline's {@code trigger} and {@code pr} sections. */
  static List<String> pathFilters(Object doc) {
    List<String> filters = new ArrayList<>();
    for (String section : List.of("trigger", "pr")) {
      Map<?, ?> paths = map(map(map(doc).get(section)).get("paths"));
      for (String kind : List.of("include", "exclude")) {
        list(paths.get(kind)).forEach(f -> filters.add(String.valueOf(f)));
      }
    }
    return filters;
  }

  /** Steps (maps with script/bash/task/download/checkout) anywhere in a document. */
  static void forEachStep(Object node, java.util.function.Consumer<Map<?, ?>> action) {
    if (node instanceof Map<?, ?> m) {
      if (m.containsKey("script") || m.containsKey("bash") || m.containsKey("task")) {
        action.accept(m);
      }
      m.values().forEach(v -> forEachStep(v, action));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> forEachStep(v, action));
    }
  }

  /** Calls {@code action} with every (key, value) pair of every map in the tree. */
  static void walk(Object node, BiConsumer<String, Object> action) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            action.accept(k == null ? null : String.valueOf(k), v);
            walk(v, action);
          });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> walk(v, action));
    }
  }

  /** Every string scalar (values, not keys) in the tree. */
  static List<String> strings(Object node) {
    List<String> strings = new ArrayList<>();
    collectStrings(node, strings);
    return strings;
  }

  private static void collectStrings(Object node, Collection<String> strings) {
    if (node instanceof String s) {
      strings.add(s);
    } else if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectStrings(v, strings));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectStrings(v, strings));
    }
  }

  static Map<?, ?> map(Object node) {
    return node instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<?> list(Object node) {
    return node instanceof List<?> l ? l : List.of();
  }

  /** A template reference resolved against the directory of the referencing file. */
  static String resolve(String file, String ref) {
    Path parent = Path.of(file).getParent();
    Path target = parent == null ? Path.of(ref) : parent.resolve(ref);
    return target.normalize().toString().replace('\\', '/');
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
