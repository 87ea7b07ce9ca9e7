package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.SchemaSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The HL7 standard's own message structures of one version, generated from HAPI's model without any
 * flow customisation, as a single flow named {@link #FLOW}: for the optional standard validation
 * ({@code HL7_VALIDATION_STANDARD}). Structure files are generated on first use.
 */
public final class StandardSchemaSource implements SchemaSource {

  /** The one flow of this source. */
  public static final String FLOW = "standard";

  private final Hl7Version version;
  private final Memoized<Map<String, String>> baseFiles;
  private final Memoized<List<String>> fileNames;
  private final Map<String, String> structures = new ConcurrentHashMap<>();

  /**
   * The standard schemas of {@code version}.
   *
   * @throws IllegalArgumentException for a version without HAPI structures here
   */
  public StandardSchemaSource(String version) {
    this.version =
        Arrays.stream(Hl7Version.values())
            .filter(candidate -> candidate.id().equals(version))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Unsupported HL7 version '"
                            + version
                            + "'. Supported versions: "
                            + String.join(", ", supportedVersions())));
    this.baseFiles = new Memoized<>(() -> BaseFiles.generate(this.version));
    this.fileNames = new Memoized<>(this::listFiles);
  }

  /** The versions standard validation supports, e.g. {@code 2.5}. */
  public static List<String> supportedVersions() {
    return Arrays.stream(Hl7Version.values()).map(Hl7Version::id).toList();
  }

  /** The HL7 version. */
  public String version() {
    return version.id();
  }

  @Override
  public String description() {
    return "HL7 v" + version.id() + " standard";
  }

  @Override
  public Set<String> flows() {
    return Set.of(FLOW);
  }

  @Override
  public List<String> fileNames(String flow) {
    return FLOW.equals(flow) ? fileNames.get() : List.of();
  }

  @Override
  public String read(String flow, String fileName) throws IOException {
    if (!fileNames(flow).contains(fileName)) {
      throw new NoSuchFileException(flow + "/" + fileName);
    }
    String base = baseFiles.get().get(fileName);
    if (base != null) {
      return base;
    }
    String structure = fileName.substring(0, fileName.length() - ".xsd".length());
    return structures.computeIfAbsent(
        fileName,
        name ->
            StructureSchemaRenderer.render(version, HapiStructureReader.read(version, structure)));
  }

  private List<String> listFiles() {
    List<String> names =
        new ArrayList<>(List.of(version.fieldsFile(), version.segmentsFile(), version.typesFile()));
    String folder = version.hapiPackage().replace('.', '/') + "/message/";
    ClassLoader loader = StandardSchemaSource.class.getClassLoader();
    for (String structure : knownStructureNames()) {
      if (loader.getResource(folder + structure + ".class") != null) {
        names.add(structure + ".xsd");
      }
    }
    return List.copyOf(names.stream().sorted().collect(Collectors.toList()));
  }

  /** Every structure any version's HAPI event map names (candidates; not all exist in each). */
  private static Set<String> knownStructureNames() {
    Set<String> names = new TreeSet<>();
    for (Hl7Version each : Hl7Version.values()) {
      String map = "/ca/uhn/hl7v2/parser/eventmap/" + each.id() + ".properties";
      try (InputStream in = StandardSchemaSource.class.getResourceAsStream(map)) {
        if (in != null) {
          Properties events = new Properties();
          events.load(in);
          events.stringPropertyNames().forEach(event -> names.add(event));
          events.values().forEach(structure -> names.add(structure.toString().strip()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
