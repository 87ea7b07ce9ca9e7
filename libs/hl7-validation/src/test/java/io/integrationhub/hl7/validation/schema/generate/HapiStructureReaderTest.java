package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Standard structures read from HAPI, in particular their group names per version. */
class HapiStructureReaderTest {

  @ParameterizedTest(name = "{0} {1}: groups {2}")
  @CsvSource({
    "V2_3_1, ADT_A01, PR1ROL IN1IN2IN3",
    "V2_3_1, ADT_A39, PIDPD1MRGPV1",
    "V2_4, ADT_A05, PROCEDURE INSURANCE",
    "V2_4, ADT_A39, PATIENT",
    "V2_5, ADT_A05, PROCEDURE INSURANCE",
    "V2_5, ADT_A39, PATIENT",
    "V2_5_1, ADT_A05, PROCEDURE INSURANCE",
    "V2_5_1, ADT_A39, PATIENT"
  })
  void groupNamesMatchTheV2XmlNames(Hl7Version version, String structure, String groups) {
    assertThat(HapiStructureReader.read(version, structure).groups())
        .extracting(GroupDef::name)
        .containsExactly(groups.split(" "));
  }

  @Test
  void readsAdtA05Of25WithSegmentsNamedByClass() {
    StructureDef adtA05 = HapiStructureReader.read(Hl7Version.V2_5, "ADT_A05");

    assertThat(adtA05.children())
        .extracting(adtA05::elementName)
        .containsExactly(
            "MSH",
            "SFT",
            "EVN",
            "PID",
            "PD1",
            "ROL",
            "NK1",
            "PV1",
            "PV2",
            "ROL",
            "DB1",
            "OBX",
            "AL1",
            "DG1",
            "DRG",
            "ADT_A05.PROCEDURE",
            "GT1",
            "ADT_A05.INSURANCE",
            "ACC",
            "UB1",
            "UB2");
    assertThat(adtA05.children().get(7)).isEqualTo(ChildRef.segment("PV1", Occurs.required()));
    assertThat(adtA05.children().get(1)).isEqualTo(ChildRef.segment("SFT", Occurs.of(false, true)));
    assertThat(adtA05.groupChildren("INSURANCE"))
        .containsExactly(
            ChildRef.segment("IN1", Occurs.required()),
            ChildRef.segment("IN2", Occurs.of(false, false)),
            ChildRef.segment("IN3", Occurs.of(false, true)),
            ChildRef.segment("ROL", Occurs.of(false, true)));
  }

  @Test
  void readsTheRepeatingRequiredPatientGroupOfAMerge() {
    StructureDef adtA39 = HapiStructureReader.read(Hl7Version.V2_3_1, "ADT_A39");

    assertThat(adtA39.children().get(2))
        .isEqualTo(ChildRef.group("PIDPD1MRGPV1", Occurs.of(true, true)));
    assertThat(adtA39.groupChildren("PIDPD1MRGPV1"))
        .extracting(ChildRef::name)
        .containsExactly("PID", "PD1", "MRG", "PV1");
  }

  @Test
  void aGroupUsedTwiceIsDefinedOnce() {
    assertThat(HapiStructureReader.read(Hl7Version.V2_5, "REF_I12").groups())
        .extracting(GroupDef::name)
        .doesNotHaveDuplicates()
        .contains("AUTHORIZATION_CONTACT");
  }

  @Test
  void rejectsAnUnknownStructure() {
    assertThatThrownBy(() -> HapiStructureReader.read(Hl7Version.V2_5, "ADT_X99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No HAPI message structure ADT_X99 in HL7 v2.5");
  }
}
