package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Extension;
import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Ref;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the generated sets with the reference hub's ({@code
 * <hub.shared.dir>/conformance/xsd/<flow>/}, read as test data only; skipped when absent): same
 * files, same structures, same segments, fields and data types, and XML of either validates against
 * both.
 *
 * <p><b>Differences found and kept</b> ({@link #KEPT_DIFFERENCES}): none that affects the shape.
 * HAPI 2.6.0's model equals the reference in every file of the four versions: the same
 * 107/135/144/144 segments, the same field sequences with the same minOccurs and maxOccurs
 * (including bounded maxima such as v2.5.1 ERR-6 max 10 and v2.4 UB2-6 max 12, which hl7apy would
 * call unbounded), the same field, component and primitive type names (so the per-version rename
 * table of {@link TypeNaming} is empty), and the same structure files. Only the text differs, as
 * listed: after normalising attribute order and line ends, every structure file is identical to the
 * reference's and every base file has exactly the reference's lines, in another order.
 */
class ReferenceSchemaComparisonTest {

  /** Every difference from the reference kept on purpose, with its reason. */
  static final List<String> KEPT_DIFFERENCES =
      List.of(
          "Order of top-level declarations in the base files: the generated files list primitives,"
              + " composites (each followed by its components), segments and fields in name"
              + " order; the reference lists them in first-use order. Order of global"
              + " declarations has no meaning in XSD.",
          "Attribute order: the generated files write maxOccurs before minOccurs and xmlns:xsd"
              + " before xmlns (the DOM serialiser orders attributes by name); the reference"
              + " writes minOccurs first and xmlns first.",
          "Line ends: the generated files use LF; most reference files use CRLF (mosaiq and a"
              + " few structure files use LF).");

  /**
   * Field elements whose maxOccurs may differ from the reference, with the reason; none is needed.
   */
  static final Map<String, String> DOCUMENTED_MAX_OCCURS_DIFFERENCES = Map.of();

  /** The segments the ADT flows use; their definitions must equal the reference's. */
  static final List<String> ADT_SEGMENTS =
      List.of(
          "MSH", "SFT", "EVN", "PID", "PD1", "NK1", "PV1", "PV2", "MRG", "ROL", "DB1", "OBX", "AL1",
          "DG1", "DRG", "PR1", "GT1", "IN1", "IN2", "IN3", "ACC", "UB1", "UB2");

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void sameFiles(String flow) {
    SchemaSet reference = SchemaSet.reference(flow);

    assertThat(new BuiltInSchemaSource().fileNames(flow))
        .containsExactlyElementsOf(reference.files().keySet());
  }

  @Test
  void sameFlows() {
    assertThat(new BuiltInSchemaSource().flows())
        .containsExactlyElementsOf(ReferenceSource.open().flows());
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void sameStructures(String flow) {
    SchemaSet reference = SchemaSet.reference(flow);
    SchemaSet generated = SchemaSet.builtIn(flow);

    for (String file : reference.structureFiles()) {
      XsdDocument expected = reference.file(file);
      XsdDocument actual = generated.file(file);
      assertThat(actual.includes()).as(file).isEqualTo(expected.includes());
      assertThat(actual.sequences()).as(file).isEqualTo(expected.sequences());
      assertThat(actual.elements()).as(file).isEqualTo(expected.elements());
      assertThat(actual.extensions()).as(file).isEmpty();
      assertThat(expected.extensions()).as(file).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void sameAdtSegmentsFieldsAndTypesRecursively(String flow) {
    SchemaSet reference = SchemaSet.reference(flow);
    SchemaSet generated = SchemaSet.builtIn(flow);
    Set<String> comparedTypes = new HashSet<>();

    for (String segment : ADT_SEGMENTS) {
      if (!reference.segments().contentOwners().contains(segment)) {
        assertThat(generated.segments().contentOwners()).as(flow).doesNotContain(segment);
        continue;
      }
      List<Ref> expected = reference.segments().content(segment);
      List<Ref> actual = generated.segments().content(segment);
      assertThat(withDocumentedMaxOccurs(actual, expected))
          .as(flow + " " + segment)
          .isEqualTo(expected);
      for (Ref field : expected) {
        String type = reference.fields().elements().get(field.name());
        assertThat(generated.fields().elements().get(field.name()))
            .as(flow + " " + field.name())
            .isEqualTo(type);
        compareType(flow + " " + field.name(), type, reference, generated, comparedTypes);
      }
    }
    assertThat(comparedTypes).contains("CX", "HD", "XPN", "TS", "MSG", "CE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "paris", "phw", "pims"})
  void sameDeclarationsForTheWholeVersion(String flow) {
    SchemaSet reference = SchemaSet.reference(flow);
    SchemaSet generated = SchemaSet.builtIn(flow);

    assertThat(generated.segments().elements()).isEqualTo(reference.segments().elements());
    assertThat(generated.segments().sequences()).isEqualTo(reference.segments().sequences());
    assertThat(generated.fields().elements()).isEqualTo(reference.fields().elements());
    assertThat(generated.types().simpleTypeChildCounts())
        .isEqualTo(reference.types().simpleTypeChildCounts());
    assertThat(generated.types().sequences()).isEqualTo(reference.types().sequences());
    assertThat(generated.types().extensions()).isEqualTo(reference.types().extensions());
    assertThat(generated.types().elements()).isEqualTo(reference.types().elements());
    for (String base : List.of("_types.xsd", "_fields.xsd", "_segments.xsd")) {
      assertThat(generated.base(base).includes()).isEqualTo(reference.base(base).includes());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void structureFilesDifferOnlyInAttributeOrderAndLineEnds(String flow) throws Exception {
    ReferenceSource reference = ReferenceSource.open();
    BuiltInSchemaSource generated = new BuiltInSchemaSource();

    for (String file : SchemaSet.reference(flow).structureFiles()) {
      assertThat(normalised(generated.read(flow, file)))
          .as(flow + "/" + file)
          .isEqualTo(normalised(reference.read(flow, file)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void baseFilesHaveTheSameLinesInAnotherOrder(String flow) throws Exception {
    ReferenceSource reference = ReferenceSource.open();
    BuiltInSchemaSource generated = new BuiltInSchemaSource();

    for (String file : generated.fileNames(flow)) {
      if (Character.isDigit(file.charAt(0))) {
        assertThat(normalised(generated.read(flow, file)).lines().sorted())
            .as(flow + "/" + file)
            .containsExactlyElementsOf(
                normalised(reference.read(flow, file)).lines().sorted().toList());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void xmlOfEitherSetValidatesAgainstBoth(String flow) throws Exception {
    ReferenceSource referenceSource = ReferenceSource.open();
    BuiltInSchemaSource generatedSource = new BuiltInSchemaSource();
    SchemaSet reference = SchemaSet.reference(flow);
    SchemaSet generated = SchemaSet.builtIn(flow);

    for (String file : reference.structureFiles()) {
      String structure = file.replace(".xsd", "");
      Schema referenceSchema = JaxpSchemas.compile(referenceSource, flow, file);
      Schema generatedSchema = JaxpSchemas.compile(generatedSource, flow, file);
      List<String> instances = new ArrayList<>();
      for (SchemaSet set : List.of(reference, generated)) {
        instances.add(InstanceWriter.minimal(set, structure));
        instances.add(InstanceWriter.full(set, structure));
      }
      for (String xml : instances) {
        JaxpSchemas.validate(referenceSchema, xml);
        JaxpSchemas.validate(generatedSchema, xml);
      }
    }
  }

  /** Compares a data type and, for a composite, its components' types recursively. */
  private static void compareType(
      String path, String type, SchemaSet reference, SchemaSet generated, Set<String> compared) {
    if (!compared.add(type)) {
      return;
    }
    XsdDocument expected = reference.types();
    XsdDocument actual = generated.types();
    if (expected.simpleTypeChildCounts().containsKey(type)) {
      assertThat(actual.simpleTypeChildCounts()).as(path).containsEntry(type, 0);
      return;
    }
    List<Ref> components = expected.sequences().get(type);
    assertThat(components).as(path + " " + type).isNotNull();
    assertThat(actual.sequences().get(type)).as(path + " " + type).isEqualTo(components);
    for (Ref component : components) {
      String content = component.name() + ".CONTENT";
      Extension extension = expected.extensions().get(content);
      assertThat(actual.elements().get(component.name())).isEqualTo(content);
      assertThat(actual.extensions().get(content)).as(path + " " + content).isEqualTo(extension);
      compareType(path + "/" + component.name(), extension.base(), reference, generated, compared);
    }
  }

  /** The generated refs with the documented maxOccurs differences set to the reference's. */
  private static List<Ref> withDocumentedMaxOccurs(List<Ref> actual, List<Ref> expected) {
    Map<String, Ref> expectedByName = new TreeMap<>();
    expected.forEach(ref -> expectedByName.put(ref.name(), ref));
    return actual.stream()
        .map(
            ref ->
                DOCUMENTED_MAX_OCCURS_DIFFERENCES.containsKey(ref.name())
                        && expectedByName.containsKey(ref.name())
                    ? new Ref(
                        ref.name(), ref.minOccurs(), expectedByName.get(ref.name()).maxOccurs())
                    : ref)
        .toList();
  }

  /** Text with LF line ends and {@code minOccurs} / {@code xmlns} attributes in one order. */
  private static String normalised(String text) {
    return text.replace("\r\n", "\n")
        .replaceAll(
            "maxOccurs=\"([^\"]*)\" minOccurs=\"([^\"]*)\"", "minOccurs=\"$2\" maxOccurs=\"$1\"")
        .replace(
            "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns=\"urn:hl7-org:v2xml\"",
            "xmlns=\"urn:hl7-org:v2xml\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
        .strip();
  }
}
