package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The structure files of each built-in flow, standard and customised. */
class BuiltInFlowsTest {

  private static Ref one(String name) {
    return new Ref(name, "1", "1");
  }

  private static Ref optional(String name) {
    return new Ref(name, "0", "1");
  }

  private static Ref any(String name) {
    return new Ref(name, "0", "unbounded");
  }

  private static Ref some(String name) {
    return new Ref(name, "1", "unbounded");
  }

  @ParameterizedTest(name = "{0}: {1} structures {2}")
  @CsvSource({
    "chemo, 2.4, ADT_A05 ADT_A39",
    "mosaiq, 2.5, ADT_A05 ADT_A39",
    "paris, 2.5.1, ADT_A05 ADT_A39",
    "phw, 2.5, ADT_A05 ADT_A39",
    "pims, 2.3.1, ADT_A01 ADT_A39 ADT_A40",
    "wds, 2.5, ADT_A05 ADT_A39"
  })
  void flowsHaveTheirVersionAndStructures(String flow, String version, String structures) {
    BuiltInFlow builtIn =
        BuiltInFlows.ALL.stream().filter(f -> f.name().equals(flow)).findFirst().orElseThrow();

    assertThat(builtIn.version().id()).isEqualTo(version);
    assertThat(builtIn.structures())
        .extracting(FlowStructure::name)
        .containsExactly(structures.split(" "));
    SchemaSet set = SchemaSet.builtIn(flow);
    String segmentsFile = version.replace('.', '_') + "_segments.xsd";
    for (String structure : structures.split(" ")) {
      XsdDocument file = set.file(structure + ".xsd");
      assertThat(file.includes()).containsExactly(segmentsFile);
      assertThat(file.elements()).containsEntry(structure, structure + ".CONTENT");
    }
  }

  @Test
  void standardAdtA05Of25() {
    XsdDocument adtA05 = SchemaSet.builtIn("phw").file("ADT_A05.xsd");

    assertThat(adtA05.content("ADT_A05"))
        .containsExactly(
            one("MSH"),
            any("SFT"),
            one("EVN"),
            one("PID"),
            optional("PD1"),
            any("ROL"),
            any("NK1"),
            one("PV1"),
            optional("PV2"),
            any("ROL"),
            any("DB1"),
            any("OBX"),
            any("AL1"),
            any("DG1"),
            optional("DRG"),
            any("ADT_A05.PROCEDURE"),
            any("GT1"),
            any("ADT_A05.INSURANCE"),
            optional("ACC"),
            optional("UB1"),
            optional("UB2"));
    assertThat(adtA05.content("ADT_A05.PROCEDURE")).containsExactly(one("PR1"), any("ROL"));
    assertThat(adtA05.content("ADT_A05.INSURANCE"))
        .containsExactly(one("IN1"), optional("IN2"), any("IN3"), any("ROL"));
    assertThat(adtA05.elements())
        .containsOnlyKeys("ADT_A05", "ADT_A05.PROCEDURE", "ADT_A05.INSURANCE");
  }

  @Test
  void chemoAddsNk1ToThePatientGroupOfAdtA39() {
    SchemaSet chemo = SchemaSet.builtIn("chemo");
    XsdDocument adtA39 = chemo.file("ADT_A39.xsd");

    assertThat(adtA39.content("ADT_A39"))
        .containsExactly(one("MSH"), one("EVN"), some("ADT_A39.PATIENT"));
    assertThat(adtA39.content("ADT_A39.PATIENT"))
        .containsExactly(one("PID"), optional("PD1"), any("NK1"), one("MRG"), optional("PV1"));
    assertThat(chemo.file("ADT_A05.xsd").content("ADT_A05"))
        .extracting(Ref::name)
        .startsWith("MSH", "EVN", "PID")
        .doesNotContain("SFT");
  }

  @Test
  void wdsMovesPv1IntoAnOptionalVisitGroup() {
    XsdDocument adtA05 = SchemaSet.builtIn("wds").file("ADT_A05.xsd");

    assertThat(adtA05.content("ADT_A05"))
        .containsExactly(
            one("MSH"),
            any("SFT"),
            one("EVN"),
            one("PID"),
            optional("PD1"),
            any("ROL"),
            any("NK1"),
            optional("ADT_A05.VISIT"),
            any("DB1"),
            any("OBX"),
            any("AL1"),
            any("DG1"),
            optional("DRG"),
            any("ADT_A05.PROCEDURE"),
            any("GT1"),
            any("ADT_A05.INSURANCE"),
            optional("ACC"),
            optional("UB1"),
            optional("UB2"));
    assertThat(adtA05.content("ADT_A05.VISIT"))
        .containsExactly(optional("PV1"), optional("PV2"), any("ROL"));
    assertThat(adtA05.sequences().keySet())
        .containsExactly(
            "ADT_A05.CONTENT",
            "ADT_A05.VISIT.CONTENT",
            "ADT_A05.PROCEDURE.CONTENT",
            "ADT_A05.INSURANCE.CONTENT");
  }

  @Test
  void wdsAdtA39IsStandard() {
    assertThat(SchemaSet.builtIn("wds").file("ADT_A39.xsd"))
        .isEqualTo(SchemaSet.builtIn("phw").file("ADT_A39.xsd"));
  }

  @Test
  void pimsUsesConcatenatedGroupNamesAndAnAdtA40CopiedFromAdtA39() {
    SchemaSet pims = SchemaSet.builtIn("pims");
    XsdDocument adtA39 = pims.file("ADT_A39.xsd");
    XsdDocument adtA40 = pims.file("ADT_A40.xsd");

    assertThat(pims.file("ADT_A01.xsd").content("ADT_A01"))
        .extracting(Ref::name)
        .contains("ADT_A01.PR1ROL", "ADT_A01.IN1IN2IN3")
        .doesNotContain("SFT", "ROL");
    assertThat(adtA39.content("ADT_A39"))
        .containsExactly(one("MSH"), one("EVN"), some("ADT_A39.PIDPD1MRGPV1"));
    List<Ref> patient = List.of(one("PID"), optional("PD1"), one("MRG"), optional("PV1"));
    assertThat(adtA39.content("ADT_A39.PIDPD1MRGPV1")).isEqualTo(patient);
    assertThat(adtA40.content("ADT_A40"))
        .containsExactly(one("MSH"), one("EVN"), some("ADT_A40.PIDPD1MRGPV1"));
    assertThat(adtA40.content("ADT_A40.PIDPD1MRGPV1")).isEqualTo(patient);
    assertThat(adtA40.elements()).containsOnlyKeys("ADT_A40", "ADT_A40.PIDPD1MRGPV1");
  }
}
