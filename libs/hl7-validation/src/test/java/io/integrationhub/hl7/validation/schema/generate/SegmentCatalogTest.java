package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Re-derives the segment lists of {@link SegmentCatalog} by walking every message structure class
 * of the HAPI structures jar on the test class path (listing a jar is fine here, unlike in a fat
 * jar at run time). Fails when a HAPI upgrade makes a list stale.
 */
class SegmentCatalogTest {

  @ParameterizedTest
  @EnumSource(Hl7Version.class)
  void listsExactlyTheSegmentsOfEveryHapiMessageStructure(Hl7Version version) throws Exception {
    List<String> structures = hapiMessageStructures(version);
    Set<String> used = new TreeSet<>();
    for (String structure : structures) {
      used.addAll(HapiStructureReader.read(version, structure).segmentNames());
    }

    assertThat(structures).hasSizeGreaterThan(150).contains("ADT_A01", "ADT_A39");
    assertThat(SegmentCatalog.segmentNames(version)).containsExactlyElementsOf(used);
  }

  private static List<String> hapiMessageStructures(Hl7Version version) throws Exception {
    Class<?> ack = Class.forName(version.hapiPackage() + ".message.ACK");
    Path location = Path.of(ack.getProtectionDomain().getCodeSource().getLocation().toURI());
    String folder = version.hapiPackage().replace('.', '/') + "/message/";
    Stream<String> entries;
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(folder))) {
        entries = files.map(file -> folder + file.getFileName()).toList().stream();
      }
    } else {
      try (ZipFile jar = new ZipFile(location.toFile())) {
        entries = jar.stream().map(ZipEntry::getName).toList().stream();
      }
    }
    return entries
        .filter(name -> name.startsWith(folder) && name.endsWith(".class") && !name.contains("$"))
        .map(name -> name.substring(folder.length(), name.length() - ".class".length()))
        .filter(name -> name.indexOf('/') < 0)
        .sorted()
        .toList();
  }
}
