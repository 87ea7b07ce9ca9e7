package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Extension;
import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Ref;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated base files ({@code _types}, {@code _fields}, {@code _segments}) per version. */
class BaseSchemasTest {

  /** One flow per HL7 version. */
  private static final SchemaSet V2_3_1 = SchemaSet.builtIn("pims");

  private static final SchemaSet V2_4 = SchemaSet.builtIn("chemo");
  private static final SchemaSet V2_5 = SchemaSet.builtIn("phw");
  private static final SchemaSet V2_5_1 = SchemaSet.builtIn("paris");

  private static SchemaSet version(String flow) {
    return switch (flow) {
      case "pims" -> V2_3_1;
      case "chemo" -> V2_4;
      case "phw" -> V2_5;
      case "paris" -> V2_5_1;
      default -> throw new IllegalArgumentException(flow);
    };
  }

  @Test
  void pidIn25Has39FieldsWithRequiredRepeatingIdentifierAndName() {
    List<Ref> pid = V2_5.segments().content("PID");

    assertThat(pid).hasSize(39);
    assertThat(pid).extracting(Ref::name).startsWith("PID.1", "PID.2", "PID.3").endsWith("PID.39");
    assertThat(pid.get(0)).isEqualTo(new Ref("PID.1", "0", "1"));
    assertThat(pid.get(2)).isEqualTo(new Ref("PID.3", "1", "unbounded"));
    assertThat(pid.get(4)).isEqualTo(new Ref("PID.5", "1", "unbounded"));
    assertThat(pid.get(6)).isEqualTo(new Ref("PID.7", "0", "1"));
  }

  @ParameterizedTest(name = "{0}: MSH has {1} fields, required {2}")
  @CsvSource({
    "pims, 20, 1 2 9 10 11 12",
    "chemo, 21, 1 2 7 9 10 11 12",
    "phw, 21, 1 2 7 9 10 11 12",
    "paris, 21, 1 2 7 9 10 11 12"
  })
  void mshRequiredFieldsPerVersion(String flow, int count, String required) {
    List<Ref> msh = version(flow).segments().content("MSH");

    assertThat(msh).hasSize(count);
    assertThat(msh.stream().filter(ref -> ref.minOccurs().equals("1")).map(Ref::name))
        .containsExactly(
            List.of(required.split(" ")).stream().map(n -> "MSH." + n).toArray(String[]::new));
  }

  @Test
  void msh7IsOptionalOnlyIn231() {
    assertThat(V2_3_1.segments().content("MSH").get(6)).isEqualTo(new Ref("MSH.7", "0", "1"));
    assertThat(V2_5.segments().content("MSH").get(6)).isEqualTo(new Ref("MSH.7", "1", "1"));
  }

  @Test
  void sftExistsFrom25() {
    assertThat(V2_3_1.segments().contentOwners()).doesNotContain("SFT");
    assertThat(V2_4.segments().contentOwners()).doesNotContain("SFT");
    assertThat(V2_4.segments().elements()).doesNotContainKey("SFT");
    assertThat(V2_4.fields().elements()).doesNotContainKey("SFT.1");
    assertThat(V2_5.segments().content("SFT"))
        .extracting(Ref::minOccurs)
        .containsExactly("1", "1", "1", "1", "0", "0");
    assertThat(V2_5_1.segments().contentOwners()).contains("SFT");
  }

  @ParameterizedTest(name = "{0}: {1} segments")
  @CsvSource({"pims, 107", "chemo, 135", "phw, 144", "paris, 144"})
  void declaresTheSegmentsOfEveryStructureOfTheVersion(String flow, int count) {
    XsdDocument segments = version(flow).segments();

    assertThat(segments.contentOwners())
        .hasSize(count)
        .contains("MSH", "EVN", "PID", "PD1", "NK1", "PV1", "PV2", "MRG", "OBX", "Hxx")
        .doesNotContain("BHS", "BTS", "FHS", "FTS", "ADD");
    assertThat(segments.content("Hxx")).isEmpty();
    segments
        .contentOwners()
        .forEach(
            segment ->
                assertThat(segments.elements()).containsEntry(segment, segment + ".CONTENT"));
  }

  @Test
  void placeholderZxxExistsIn231And24() {
    assertThat(V2_3_1.segments().content("Zxx")).isEmpty();
    assertThat(V2_4.segments().content("Zxx")).isEmpty();
  }

  @Test
  void cxHasTenMandatoryComponentsIn25() {
    assertThat(V2_5.types().sequences().get("CX"))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 10).mapToObj(n -> new Ref("CX." + n, "1", "1")).toList());
    assertThat(V2_5.types().elements()).containsEntry("CX.10", "CX.10.CONTENT");
  }

  @Test
  void compositeComponentsExtendTheirCompositeAndPrimitiveComponentsTheirPrimitive() {
    XsdDocument types = V2_5.types();

    assertThat(types.extensions().get("CX.4.CONTENT"))
        .isEqualTo(new Extension("complexContent", "HD"));
    assertThat(types.extensions().get("CX.1.CONTENT"))
        .isEqualTo(new Extension("simpleContent", "ST"));
    assertThat(types.extensions().get("XPN.1.CONTENT"))
        .isEqualTo(new Extension("complexContent", "FN"));
    assertThat(types.extensions().get("TS.1.CONTENT"))
        .isEqualTo(new Extension("simpleContent", "DTM"));
    assertThat(V2_3_1.types().extensions().get("TS.1.CONTENT"))
        .isEqualTo(new Extension("simpleContent", "TSComponentOne"));
  }

  @Test
  void variesFieldsUseGenericPrimitive() {
    assertThat(V2_5.fields().elements()).containsEntry("OBX.5", "GenericPrimitive");
    assertThat(V2_5.types().simpleTypeChildCounts()).containsKey("GenericPrimitive");
  }

  @Test
  void fieldTypesFollowTheVersion() {
    assertThat(V2_4.fields().elements()).containsEntry("MSH.21", "ID");
    assertThat(V2_5.fields().elements()).containsEntry("MSH.21", "EI");
    assertThat(V2_3_1.fields().elements()).containsEntry("MSH.9", "MSG");
    assertThat(V2_5_1.fields().elements()).containsEntry("MSA.5", "NULLDT");
  }

  @Test
  void boundedRepetitionsKeepHapisMaximum() {
    assertThat(V2_5_1.segments().content("ERR").get(5)).isEqualTo(new Ref("ERR.6", "0", "10"));
    assertThat(V2_4.segments().content("UB2").get(5)).isEqualTo(new Ref("UB2.6", "0", "12"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pims", "chemo", "phw", "paris"})
  void primitivesAreFacetlessStringsAndComponentsAreAllMandatory(String flow) {
    XsdDocument types = version(flow).types();

    assertThat(types.simpleTypeChildCounts())
        .containsKeys("ST", "IS", "ID", "NM", "DT", "TM", "TX", "FT", "SI", "GenericPrimitive")
        .allSatisfy((name, facets) -> assertThat(facets).as(name).isZero());
    assertThat(types.sequences().values())
        .allSatisfy(
            components ->
                assertThat(components)
                    .allSatisfy(
                        ref -> assertThat(ref.minOccurs() + ref.maxOccurs()).isEqualTo("11")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pims", "chemo", "phw", "paris"})
  void everyNameUsedIsDeclared(String flow) {
    SchemaSet set = version(flow);
    XsdDocument types = set.types();
    Set<String> typeNames = new HashSet<>(types.simpleTypeChildCounts().keySet());
    typeNames.addAll(types.sequences().keySet());
    typeNames.addAll(types.extensions().keySet());

    types
        .sequences()
        .forEach(
            (composite, components) -> {
              for (int n = 1; n <= components.size(); n++) {
                String component = composite + "." + n;
                assertThat(components.get(n - 1).name()).isEqualTo(component);
                assertThat(types.elements()).containsEntry(component, component + ".CONTENT");
                assertThat(typeNames)
                    .contains(types.extensions().get(component + ".CONTENT").base());
              }
            });
    assertThat(typeNames).containsAll(set.fields().elements().values());
    assertThat(set.fields().elements().keySet())
        .containsExactlyInAnyOrderElementsOf(
            set.segments().sequences().values().stream()
                .flatMap(List::stream)
                .map(Ref::name)
                .toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pims", "chemo", "phw", "paris"})
  void baseFilesIncludeEachOtherInTheV2XmlNamespace(String flow) {
    SchemaSet set = version(flow);
    String prefix = set.segments().includes().get(0).replace("_fields.xsd", "");

    assertThat(set.types().includes()).isEmpty();
    assertThat(set.fields().includes()).containsExactly(prefix + "_types.xsd");
    assertThat(set.segments().includes()).containsExactly(prefix + "_fields.xsd");
    assertThat(set.files().values())
        .extracting(XsdDocument::targetNamespace)
        .containsOnly("urn:hl7-org:v2xml");
  }
}
