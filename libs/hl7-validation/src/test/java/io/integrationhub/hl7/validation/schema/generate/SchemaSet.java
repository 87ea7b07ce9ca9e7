package io.integrationhub.hl7.validation.schema.generate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.integrationhub.hl7.validation.schema.SchemaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parsed XSD files of one flow, generated or the reference's, by file name. */
record SchemaSet(String flow, Map<String, XsdDocument> files) {

  private static final BuiltInSchemaSource BUILT_IN = new BuiltInSchemaSource();

  /** The built-in (generated) set of a flow. */
  static SchemaSet builtIn(String flow) {
    return of(BUILT_IN, flow);
  }

  /** A flow's set from any schema source. */
  static SchemaSet of(SchemaSource source, String flow) {
    Map<String, XsdDocument> files = new TreeMap<>();
    for (String file : source.fileNames(flow)) {
      try {
        files.put(file, XsdDocument.parse(source.read(flow, file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SchemaSet(flow, files);
  }

  /**
   * The reference hub's set of a flow from {@code <hub.shared.dir>/conformance/xsd/<flow>/}, or a
   * skipped test when the shared directory is absent.
   */
  static SchemaSet reference(String flow) {
    return of(ReferenceSource.open(), flow);
  }

  static Path referenceDirectory(String flow) {
    String shared = System.getProperty("hub.shared.dir");
    Path directory =
        shared == null ? Path.of("absent") : Path.of(shared, "conformance", "xsd", flow);
    assumeTrue(
        Files.isDirectory(directory),
        () -> "Reference XSD set absent (hub.shared.dir=" + shared + "): skipped");
    return directory;
  }

  XsdDocument file(String name) {
    XsdDocument document = files.get(name);
    if (document == null) {
      throw new IllegalArgumentException(flow + " has no " + name + " but " + files.keySet());
    }
    return document;
  }

  /** The file ending with {@code suffix}, e.g. {@code _types.xsd}. */
  XsdDocument base(String suffix) {
    List<String> names = files.keySet().stream().filter(name -> name.endsWith(suffix)).toList();
    if (names.size() != 1) {
      throw new IllegalArgumentException(flow + " has " + names + " ending with " + suffix);
    }
    return files.get(names.get(0));
  }

  XsdDocument types() {
    return base("_types.xsd");
  }

  XsdDocument fields() {
    return base("_fields.xsd");
  }

  XsdDocument segments() {
    return base("_segments.xsd");
  }

  /** The structure files' names, e.g. {@code ADT_A05.xsd}. */
  List<String> structureFiles() {
    return files.keySet().stream().filter(name -> !Character.isDigit(name.charAt(0))).toList();
  }
}
