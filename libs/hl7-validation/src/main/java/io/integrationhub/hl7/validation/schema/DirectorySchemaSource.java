package io.integrationhub.hl7.validation.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Schemas from an operator's directory laid out like the reference hub's resources: one
 * sub-directory per flow holding {@code <STRUCTURE>.xsd} files and the base files they include.
 * Files are read when first needed (and then cached by the caller).
 */
public final class DirectorySchemaSource implements SchemaSource {

  private final Path root;
  private final Set<String> flows;

  /**
   * Reads the flow list of {@code root}.
   *
   * @throws IllegalArgumentException when {@code root} is not a directory or has no flow directory
   *     with an {@code .xsd} file
   */
  public DirectorySchemaSource(Path root) {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException(
          "HL7_VALIDATION_SCHEMA_DIR " + this.root + " is not a directory");
    }
    Set<String> found = new TreeSet<>();
    try (Stream<Path> entries = Files.list(this.root)) {
      entries
          .filter(Files::isDirectory)
          .filter(dir -> !xsdFiles(dir).isEmpty())
          .forEach(dir -> found.add(dir.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list HL7_VALIDATION_SCHEMA_DIR " + this.root, e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "HL7_VALIDATION_SCHEMA_DIR "
              + this.root
              + " has no flow directory with .xsd files (expected <dir>/<flow>/<STRUCTURE>.xsd)");
    }
    this.flows = Set.copyOf(found);
  }

  @Override
  public String description() {
    return "directory " + root;
  }

  @Override
  public Set<String> flows() {
    return flows;
  }

  @Override
  public List<String> fileNames(String flow) {
    return flows.contains(flow) ? xsdFiles(root.resolve(flow)) : List.of();
  }

  @Override
  public String read(String flow, String fileName) throws IOException {
    if (!flows.contains(flow) || fileName.contains("/") || fileName.contains("\\")) {
      throw new NoSuchFileException(flow + "/" + fileName);
    }
    Path file = root.resolve(flow).resolve(fileName).normalize();
    if (!file.startsWith(root.resolve(flow)) || !Files.isRegularFile(file)) {
      throw new NoSuchFileException(flow + "/" + fileName);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> xsdFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".xsd"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list schema directory " + dir, e);
    }
  }
}
