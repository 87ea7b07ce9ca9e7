package io.integrationhub.transform.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Loads the conformance vectors of a flow folder ({@code <name>.in.hl7/.expect.txt/.out.hl7}). */
public final class TransformVectors {

  /** System property naming the shared data directory (set by the build's surefire config). */
  public static final String SHARED_DIR_PROPERTY = "hub.shared.dir";

  private static final String IN = ".in.hl7";
  private static final String EXPECT = ".expect.txt";
  private static final String OUT = ".out.hl7";

  private TransformVectors() {}

  /**
   * {@code <hub.shared.dir>/conformance/transform/<flow>}; aborts (skips) the calling test through
   * JUnit {@link Assumptions} when the property is unset or the folder does not exist.
   */
  public static Path sharedDirectory(String flow) {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    Path directory = shared == null ? null : Path.of(shared, "conformance", "transform", flow);
    Assumptions.assumeTrue(
        directory != null && Files.isDirectory(directory),
        () ->
            "Shared conformance vectors absent ("
                + SHARED_DIR_PROPERTY
                + "="
                + shared
                + ", flow "
                + flow
                + "): skipped");
    return directory;
  }

  /** {@link #load(Path)} of {@link #sharedDirectory(String)}. */
  public static List<TransformVector> loadShared(String flow) {
    return load(sharedDirectory(flow));
  }

  /**
   * All vectors of a flow folder (every {@code <name>.in.hl7}), sorted by name; the flow is the
   * folder's name. A vector without {@code .expect.txt} or with an unparseable line fails.
   */
  public static List<TransformVector> load(Path flowDirectory) {
    String flow = flowDirectory.getFileName().toString();
    try (Stream<Path> files = Files.list(flowDirectory)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(IN))
          .map(f -> f.substring(0, f.length() - IN.length()))
          .sorted()
          .map(name -> load(flowDirectory, flow, name))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + flowDirectory, e);
    }
  }

  private static TransformVector load(Path directory, String flow, String name) {
    Path expect = directory.resolve(name + EXPECT);
    if (!Files.isRegularFile(expect)) {
      throw new IllegalStateException("Vector " + flow + "/" + name + " has no " + expect);
    }
    Path out = directory.resolve(name + OUT);
    return new TransformVector(
        name,
        flow,
        read(directory.resolve(name + IN)),
        Files.isRegularFile(out) ? Optional.of(read(out)) : Optional.empty(),
        ExpectationParser.parse(expect));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Decodes a JSON string literal of a function table ({@code null} gives {@code null}). */
  public static String jsonString(String literal) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(literal.strip(), String.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON string: " + literal, e);
    }
  }
}
