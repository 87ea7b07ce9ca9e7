package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chemocare → MPI through the Chemocare transformer (spec transformers.md §4, hl7-transformer-chemo
 * README): HL7 2.4 in, 2.5 ADT_A05 out, PID-3 rebuilt from the NHS number in PID-2 with the health
 * board's prefix, PD1/NK1 reduced to the mapped components.
 */
class ChemoToMpiTest extends FlowTestBase {

  @Override
  String flow() {
    return "chemo";
  }

  @Override
  void assertDeliveredSample(String sent, String out) {
    assertThat(Hl7.segmentIds(out)).containsExactly("MSH", "EVN", "PID", "PD1", "NK1", "PV1");
    // MSH: HD.1 of 3-6, MSH-9.3 ADT_A05 added, MSH-12 2.5
    assertThat(Hl7.value(out, "MSH.3")).isEqualTo("212");
    assertThat(Hl7.value(out, "MSH.4")).isEqualTo("BCU");
    assertThat(Hl7.value(out, "MSH.5")).isEqualTo("100");
    assertThat(Hl7.value(out, "MSH.7")).isEqualTo("20260317091500");
    assertThat(Hl7.value(sent, "MSH.9")).isEqualTo("ADT^A28");
    assertThat(Hl7.value(out, "MSH.9")).isEqualTo("ADT^A28^ADT_A05");
    assertThat(Hl7.value(out, "MSH.10")).isEqualTo("CHEMOSAMPLE01");
    assertThat(Hl7.value(out, "MSH.11")).isEqualTo("P");
    assertThat(Hl7.value(sent, "MSH.12")).isEqualTo("2.4");
    assertThat(Hl7.value(out, "MSH.12")).isEqualTo("2.5");
    assertThat(Hl7.value(out, "MSH.15")).isEqualTo("AL");
    // EVN verbatim
    assertThat(Hl7.segment(out, "EVN")).isEqualTo("EVN|A28|20260317091500");
    // PID: PID-2 dropped; PID-3 = NHS number, then BCUCC + NHS number for app 212 (inbound PID-3
    // ignored)
    assertThat(Hl7.value(out, "PID.1")).isEqualTo("1");
    assertThat(Hl7.value(out, "PID.2")).isEmpty();
    assertThat(Hl7.parse(out).repetitions("PID", 1, 3))
        .containsExactly("9990000789^^^NHS^NH", "BCUCC9990000789^^^212^PI");
    assertThat(Hl7.value(out, "PID.5")).isEqualTo("TESTFAMILY^ROBIN^LEE^^MR");
    assertThat(Hl7.value(out, "PID.7")).isEqualTo("19600101");
    assertThat(Hl7.value(out, "PID.8")).isEqualTo("M");
    // PID-11: components 1-5, 7, 8 (country, PID-11.6, dropped)
    assertThat(Hl7.value(out, "PID.11"))
        .isEqualTo("5 IMAGINARY STREET^HAMLET^DUMMYVILLE^^LL99 9XX^^H");
    // PID-13 components 1, 2, 4; PID-14 components 1, 2
    assertThat(Hl7.value(out, "PID.13")).isEqualTo("01000000789^PRN");
    assertThat(Hl7.value(out, "PID.14")).isEqualTo("01000000790^WPN");
    // PID-16 (marital status) is not mapped
    assertThat(Hl7.value(sent, "PID.16")).isEqualTo("M");
    assertThat(Hl7.value(out, "PID.16")).isEmpty();
    // PD1-3 / PD1-4 mapped components
    assertThat(Hl7.segment(out, "PD1"))
        .isEqualTo("PD1|||PRETEND SURGERY^^W99997|G9999992^DOCTOR^MADEUP^^^DR");
    // NK1: set id, name prefix (NK1-2.5) and relationship text (NK1-3.2) dropped
    assertThat(Hl7.segment(out, "NK1"))
        .isEqualTo("NK1||TESTFAMILY^JO^^^^^L|SPO|5 IMAGINARY STREET^HAMLET");
    assertThat(Hl7.segment(out, "PV1")).isEqualTo("PV1|1|N");
  }
}
