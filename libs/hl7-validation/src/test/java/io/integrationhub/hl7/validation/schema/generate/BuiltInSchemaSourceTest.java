package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public {@link BuiltInSchemaSource}: listing, reading, memoisation and output format. */
class BuiltInSchemaSourceTest {

  private static final BuiltInSchemaSource SOURCE = new BuiltInSchemaSource();

  @Test
  void describesItselfAndListsTheSixFlowsSorted() {
    assertThat(SOURCE.description()).isEqualTo("built-in");
    assertThat(SOURCE.flows()).containsExactly("chemo", "mosaiq", "paris", "phw", "pims", "wds");
    assertThatThrownBy(() -> SOURCE.flows().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listsTheFilesOfAFlowSorted() {
    assertThat(SOURCE.fileNames("phw"))
        .containsExactly(
            "2_5_fields.xsd", "2_5_segments.xsd", "2_5_types.xsd", "ADT_A05.xsd", "ADT_A39.xsd");
    assertThat(SOURCE.fileNames("pims"))
        .containsExactly(
            "2_3_1_fields.xsd",
            "2_3_1_segments.xsd",
            "2_3_1_types.xsd",
            "ADT_A01.xsd",
            "ADT_A39.xsd",
            "ADT_A40.xsd");
    assertThat(SOURCE.fileNames("paris")).startsWith("2_5_1_fields.xsd");
    assertThat(SOURCE.fileNames("chemo")).startsWith("2_4_fields.xsd");
    assertThat(SOURCE.fileNames("mpi")).isEmpty();
  }

  @Test
  void everyListedFileCanBeRead() throws Exception {
    for (String flow : SOURCE.flows()) {
      for (String file : SOURCE.fileNames(flow)) {
        assertThat(SOURCE.read(flow, file)).as(flow + "/" + file).contains("<xsd:schema");
      }
    }
  }

  @Test
  void unknownFlowsAndFilesAreNoSuchFile() {
    assertThatThrownBy(() -> SOURCE.read("mpi", "ADT_A05.xsd"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("mpi/ADT_A05.xsd");
    assertThatThrownBy(() -> SOURCE.read("phw", "ADT_A01.xsd"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("phw/ADT_A01.xsd");
    assertThatThrownBy(() -> SOURCE.read("phw", "2_4_types.xsd"))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> SOURCE.read("pims", "ADT_A05.xsd"))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> SOURCE.read("phw", "ADT_A05")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void flowsOfTheSameVersionShareTheBaseFiles() throws Exception {
    for (String file : List.of("2_5_types.xsd", "2_5_fields.xsd", "2_5_segments.xsd")) {
      String phw = SOURCE.read("phw", file);
      assertThat(SOURCE.read("wds", file)).isSameAs(phw);
      assertThat(SOURCE.read("mosaiq", file)).isSameAs(phw);
    }
    assertThat(SOURCE.read("mosaiq", "ADT_A05.xsd")).isEqualTo(SOURCE.read("phw", "ADT_A05.xsd"));
    assertThat(SOURCE.read("wds", "ADT_A05.xsd")).isNotEqualTo(SOURCE.read("phw", "ADT_A05.xsd"));
  }

  @Test
  void generationIsDeterministic() throws Exception {
    assertThat(allFiles(new BuiltInSchemaSource())).isEqualTo(allFiles(SOURCE));
  }

  @Test
  void concurrentFirstReadsGenerateOnce() throws Exception {
    BuiltInSchemaSource source = new BuiltInSchemaSource();
    int threads = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<String, String>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  return allFiles(source);
                }));
      }
      start.countDown();
      Map<String, String> first = results.get(0).get(60, TimeUnit.SECONDS);
      for (Future<Map<String, String>> result : results) {
        Map<String, String> files = result.get(60, TimeUnit.SECONDS);
        assertThat(files).isEqualTo(first);
        // Generated once: every thread got the very same string instances.
        files.forEach((name, text) -> assertThat(text).as(name).isSameAs(first.get(name)));
      }
      assertThat(first).isEqualTo(allFiles(SOURCE));
      Set<String> distinctBaseInstances = Collections.newSetFromMap(new IdentityHashMap<>());
      first.forEach(
          (name, text) -> {
            if (name.endsWith("2_5_types.xsd")) {
              distinctBaseInstances.add(text);
            }
          });
      assertThat(distinctBaseInstances).hasSize(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void writesIndentedUtf8XsdWithLfLineEndsAndNoAnnotations() throws Exception {
    for (String flow : List.of("phw", "pims")) {
      for (String file : SOURCE.fileNames(flow)) {
        String text = SOURCE.read(flow, file);
        assertThat(text)
            .as(file)
            .startsWith(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                    + " xmlns=\"urn:hl7-org:v2xml\" targetNamespace=\"urn:hl7-org:v2xml\">\n"
                    + "    <xsd:")
            .endsWith("\n</xsd:schema>\n")
            .doesNotContain("\r", "annotation", "documentation", "FormDefault", "standalone");
        assertThat(text.lines().skip(2).takeWhile(line -> !line.equals("</xsd:schema>")))
            .as(file)
            .allMatch(line -> line.matches("( {4})+<.*"));
      }
    }
    assertThat(SOURCE.read("phw", "2_5_types.xsd"))
        .contains(
            "    <xsd:simpleType name=\"ST\">\n"
                + "        <xsd:restriction base=\"xsd:string\"/>\n"
                + "    </xsd:simpleType>\n")
        .contains(
            "    <xsd:complexType name=\"CX.4.CONTENT\">\n"
                + "        <xsd:complexContent>\n"
                + "            <xsd:extension base=\"HD\"/>\n"
                + "        </xsd:complexContent>\n"
                + "    </xsd:complexType>\n"
                + "    <xsd:element name=\"CX.4\" type=\"CX.4.CONTENT\"/>\n");
  }

  private static Map<String, String> allFiles(BuiltInSchemaSource source) throws Exception {
    Map<String, String> files = new TreeMap<>();
    for (String flow : source.flows()) {
      for (String file : source.fileNames(flow)) {
        files.put(flow + "/" + file, source.read(flow, file));
      }
    }
    return files;
  }
}
