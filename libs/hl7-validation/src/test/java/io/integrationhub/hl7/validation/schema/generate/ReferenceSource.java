package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.SchemaSource;
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

/** The reference hub's schema sets in {@code <hub.shared.dir>/conformance/xsd/}, for tests only. */
final class ReferenceSource implements SchemaSource {

  private final Path root;

  private ReferenceSource(Path root) {
    this.root = root;
  }

  /** The reference sets, or a skipped test when the shared directory is absent. */
  static ReferenceSource open() {
    return new ReferenceSource(SchemaSet.referenceDirectory("phw").getParent());
  }

  @Override
  public String description() {
    return root.toString();
  }

  @Override
  public Set<String> flows() {
    try (Stream<Path> paths = Files.list(root)) {
      return paths
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .collect(TreeSet::new, Set::add, Set::addAll);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> fileNames(String flow) {
    Path directory = root.resolve(flow);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(directory)) {
      return paths
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".xsd"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String read(String flow, String fileName) throws IOException {
    if (!fileNames(flow).contains(fileName)) {
      throw new NoSuchFileException(flow + "/" + fileName);
    }
    return Files.readString(root.resolve(flow).resolve(fileName), StandardCharsets.UTF_8);
  }
}
