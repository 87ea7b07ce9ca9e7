package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PIMS → MPI through the PIMS transformer (spec transformers.md §5, hl7-transformer-pims README):
 * HL7 2.3.1 A08 in, 2.5 {@code ADT^A31^ADT_A05} out, hub identities in MSH-3..6, time zones
 * removed, PID-3 rebuilt by identifier type, PD1 reduced and PV1 replaced by {@code PV1||N}.
 */
class PimsToMpiTest extends FlowTestBase {

  @Override
  String flow() {
    return "pims";
  }

  @Override
  void assertDeliveredSample(String sent, String out) {
    assertThat(Hl7.segmentIds(out)).containsExactly("MSH", "EVN", "PID", "PD1", "PV1");
    assertThat(Hl7.segment(out, "MSH"))
        .isEqualTo(
            "MSH|^~\\&|103|103|200|200|20260318143000||ADT^A31^ADT_A05|PIMSSAMPLE001|P|2.5|||||GBR||EN");
    assertThat(Hl7.value(out, "MSH.3")).isEqualTo("103");
    assertThat(Hl7.value(out, "MSH.5")).isEqualTo("200");
    // time zone removed, not applied
    assertThat(Hl7.value(sent, "MSH.7")).isEqualTo("20260318143000+0000");
    assertThat(Hl7.value(out, "MSH.7")).isEqualTo("20260318143000");
    // A08 -> ADT^A31^ADT_A05
    assertThat(Hl7.value(sent, "MSH.9")).isEqualTo("ADT^A08^ADT_A01");
    assertThat(Hl7.value(out, "MSH.9")).isEqualTo("ADT^A31^ADT_A05");
    assertThat(Hl7.value(out, "MSH.10")).isEqualTo("PIMSSAMPLE001");
    assertThat(Hl7.value(out, "MSH.12")).isEqualTo("2.5");
    assertThat(Hl7.value(out, "MSH.17")).isEqualTo("GBR");
    assertThat(Hl7.segment(out, "EVN")).isEqualTo("EVN|A08|20260318143000");
    // PID-3: NI -> NHS^NH, PI -> 103^PI
    assertThat(Hl7.parse(out).repetitions("PID", 1, 3))
        .containsExactly("9990000321^^^NHS^NH", "P700321^^^103^PI");
    assertThat(Hl7.value(out, "PID.1")).isEmpty();
    assertThat(Hl7.value(out, "PID.5")).isEqualTo("SAMPLEFAMILY^MORGAN^^^MRS");
    assertThat(Hl7.value(out, "PID.7")).isEqualTo("19751130");
    assertThat(Hl7.value(out, "PID.8")).isEqualTo("F");
    assertThat(Hl7.value(out, "PID.11")).isEqualTo("8 FICTION AVENUE^OLDTOWN^SAMPLECITY^^SA99 9WW");
    assertThat(Hl7.value(out, "PID.13")).isEqualTo("01000000321");
    // no date of death -> PID-29 "" (kept quirk M4)
    assertThat(Hl7.value(out, "PID.29")).isEqualTo("\"\"");
    // PD1-4.1 = first GP repetition, PD1-3.3 = the second repetition's id (A08 only)
    assertThat(Hl7.value(out, "PD1.4")).isEqualTo("G9999993");
    assertThat(Hl7.value(out, "PD1.3.3")).isEqualTo("W99996");
    // PV1 replaced
    assertThat(Hl7.segment(out, "PV1")).isEqualTo("PV1||N");
  }
}
