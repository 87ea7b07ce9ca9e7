package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBuiltInSchemasTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return WriteBuiltInSchemas.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesEveryFlowsFilesBelowTheDirectory(@TempDir Path directory) throws Exception {
    Path target = directory.resolve("schemas");
    BuiltInSchemaSource source = new BuiltInSchemaSource();

    assertThat(run(target.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Wrote 31 schema files to ");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    try (Stream<Path> flows = Files.list(target)) {
      assertThat(flows.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(source.flows());
    }
    for (String flow : source.flows()) {
      try (Stream<Path> files = Files.list(target.resolve(flow))) {
        assertThat(files.map(path -> path.getFileName().toString()))
            .containsExactlyInAnyOrderElementsOf(source.fileNames(flow));
      }
      for (String file : source.fileNames(flow)) {
        assertThat(Files.readString(target.resolve(flow).resolve(file), StandardCharsets.UTF_8))
            .isEqualTo(source.read(flow, file));
      }
    }
  }

  @Test
  void overwritesAnEarlierCopy(@TempDir Path directory) throws Exception {
    Path file = Files.createDirectories(directory.resolve("phw")).resolve("ADT_A05.xsd");
    Files.writeString(file, "edited");

    assertThat(run(directory.toString())).isZero();

    assertThat(Files.readString(file)).startsWith("<?xml");
  }

  @Test
  void printsUsageWithoutExactlyOneArgument() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("a", "b")).isEqualTo(2);
    assertThat(run(" ")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: WriteBuiltInSchemas <output-directory>")
        .contains("HL7_VALIDATION_SCHEMA_DIR");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void failsWhenTheDirectoryCannotBeCreated(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

    assertThat(run(file.toString())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Cannot write the built-in schemas to " + file);
  }
}
