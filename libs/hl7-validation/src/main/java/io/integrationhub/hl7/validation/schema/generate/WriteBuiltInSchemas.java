package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.SchemaSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Writes every built-in flow's XSD files to {@code <directory>/<flow>/<file>}, so that an operator
 * can edit them and point {@code HL7_VALIDATION_SCHEMA_DIR} at the directory. Existing files of the
 * same names are overwritten.
 *
 * <p>Usage: {@code java -cp <classpath>
 * io.integrationhub.hl7.validation.schema.generate.WriteBuiltInSchemas <directory>}; exits with 2
 * on wrong usage and 1 when the files cannot be written.
 */
public final class WriteBuiltInSchemas {

  static final String USAGE =
      "Usage: WriteBuiltInSchemas <output-directory>\n"
          + "Writes the built-in HL7 XSD sets as <output-directory>/<flow>/<file>.xsd;"
          + " point HL7_VALIDATION_SCHEMA_DIR at that directory to use (edited) copies.";

  private WriteBuiltInSchemas() {}

  /** Command-line entry point; see the class description. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].isBlank()) {
      err.println(USAGE);
      return 2;
    }
    try {
      Path directory = Path.of(args[0]);
      int count = write(new BuiltInSchemaSource(), directory);
      out.println("Wrote " + count + " schema files to " + directory.toAbsolutePath());
      return 0;
    } catch (IOException | InvalidPathException e) {
      err.println("Cannot write the built-in schemas to " + args[0] + ": " + e);
      return 1;
    }
  }

  /**
   * Writes every file of every flow of {@code source} below {@code directory}; returns the count.
   */
  static int write(SchemaSource source, Path directory) throws IOException {
    int count = 0;
    for (String flow : source.flows()) {
      Path flowDirectory = Files.createDirectories(directory.resolve(flow));
      for (String file : source.fileNames(flow)) {
        Files.writeString(
            flowDirectory.resolve(file), source.read(flow, file), StandardCharsets.UTF_8);
        count++;
      }
    }
    return count;
  }
}
