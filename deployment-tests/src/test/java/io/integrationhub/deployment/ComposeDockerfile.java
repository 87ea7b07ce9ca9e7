package io.integrationhub.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as a list of instructions (continuation lines joined, comments and the parser
 * directive dropped), split into stages at each {@code FROM}, for {@link ComposeConsistencyTest}.
 */
record ComposeDockerfile(Path file, List<List<Instruction>> stages) {

  /** One instruction: keyword upper-cased, arguments as written. */
  record Instruction(String keyword, String arguments) {
    @Override
    public String toString() {
      return keyword + " " + arguments;
    }
  }

  static ComposeDockerfile read(Path file) {
    return parse(file, ComposeProject.read(file));
  }

  static ComposeDockerfile parse(Path file, String text) {
    List<List<Instruction>> stages = new ArrayList<>();
    List<Instruction> current = null;
    StringBuilder logical = new StringBuilder();
    for (String line : text.split("\\R", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || (stripped.isEmpty() && logical.isEmpty())) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        logical.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      logical.append(stripped);
      String instruction = logical.toString().strip();
      logical.setLength(0);
      if (instruction.isEmpty()) {
        continue;
      }
      int space = instruction.indexOf(' ');
      String keyword =
          (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
      String arguments = space < 0 ? "" : instruction.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        current = new ArrayList<>();
        stages.add(current);
      }
      if (current == null) {
        throw new IllegalStateException(file + ": " + keyword + " before the first FROM");
      }
      current.add(new Instruction(keyword, arguments));
    }
    return new ComposeDockerfile(file, stages);
  }

  /** The final (runtime) stage. */
  List<Instruction> runtimeStage() {
    if (stages.isEmpty()) {
      throw new IllegalStateException(file + " has no FROM");
    }
    return stages.get(stages.size() - 1);
  }

  List<List<Instruction>> buildStages() {
    return stages.subList(0, Math.max(0, stages.size() - 1));
  }

  static List<Instruction> withKeyword(List<Instruction> stage, String keyword) {
    return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  List<Instruction> all() {
    return stages.stream().flatMap(List::stream).toList();
  }
}
