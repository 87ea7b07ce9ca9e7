package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PHW → MPI through the PHW transformer (spec transformers.md §3, hl7-transformer-phw README): a
 * near-passthrough that reformats MSH-7 and turns {@code RESURREC} in PID-29 into the HL7 null.
 */
class PhwToMpiTest extends FlowTestBase {

  @Override
  String flow() {
    return "phw";
  }

  @Override
  void assertDeliveredSample(String sent, String out) {
    assertThat(Hl7.segmentIds(out)).containsExactly("MSH", "EVN", "PID", "PD1", "NK1", "PV1");
    // MSH: 3-6 copied, MSH-7 "yyyy-MM-dd HH:mm:ss" -> yyyyMMddHHmmss, MSH-9..21 copied
    assertThat(Hl7.segment(out, "MSH"))
        .isEqualTo(
            "MSH|^~\\&|252|252|100|100|20260315101530||ADT^A31^ADT_A05|PHWSAMPLE0001|P|2.5|||||GBR||EN");
    assertThat(Hl7.value(out, "MSH.3")).isEqualTo("252");
    assertThat(Hl7.value(out, "MSH.4")).isEqualTo("252");
    assertThat(Hl7.value(out, "MSH.7")).isEqualTo("20260315101530");
    assertThat(Hl7.value(out, "MSH.9")).isEqualTo("ADT^A31^ADT_A05");
    assertThat(Hl7.value(out, "MSH.10")).isEqualTo("PHWSAMPLE0001");
    assertThat(Hl7.value(out, "MSH.12")).isEqualTo("2.5");
    // EVN verbatim (no date conversion)
    assertThat(Hl7.segment(out, "EVN")).isEqualTo(Hl7.segment(sent, "EVN"));
    // PID-1..28 copied with every repetition
    assertThat(Hl7.value(out, "PID.2")).isEqualTo("7000123^^^108^PI");
    assertThat(Hl7.value(out, "PID.3[1]")).isEqualTo("1000001^^^252^PI");
    assertThat(Hl7.value(out, "PID.3[1].4")).isEqualTo("252");
    assertThat(Hl7.value(out, "PID.3[2].1")).isEqualTo("9990000123");
    assertThat(Hl7.value(out, "PID.3[2].4")).isEqualTo("NHS");
    assertThat(Hl7.value(out, "PID.3[2].5")).isEqualTo("NH");
    assertThat(Hl7.value(out, "PID.5")).isEqualTo("DUMMYFAMILY^ALEX^JORDAN^^MX^^L");
    assertThat(Hl7.value(out, "PID.7")).isEqualTo("19850412");
    assertThat(Hl7.value(out, "PID.11.5")).isEqualTo("CF99 9ZZ");
    // PID-29 RESURREC -> "" (HL7 explicit null)
    assertThat(Hl7.value(sent, "PID.29")).isEqualTo("RESURREC");
    assertThat(Hl7.value(out, "PID.29")).isEqualTo("\"\"");
    // other segments copied as sent
    assertThat(Hl7.segment(out, "PD1")).isEqualTo(Hl7.segment(sent, "PD1"));
    assertThat(Hl7.segment(out, "NK1")).isEqualTo("NK1|1|DUMMYFAMILY^SAM^^^MR|SPO^SPOUSE");
    assertThat(Hl7.segment(out, "PV1")).isEqualTo("PV1|1|N");
  }
}
