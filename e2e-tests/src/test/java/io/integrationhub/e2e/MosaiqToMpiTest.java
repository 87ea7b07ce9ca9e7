package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** MOSAIQ → MPI: no transformer, like PARIS; MPI gets the bytes as sent. */
class MosaiqToMpiTest extends FlowTestBase {

  @Override
  String flow() {
    return "mosaiq";
  }

  @Override
  void assertDeliveredSample(String sent, String delivered) {
    assertThat(delivered).isEqualTo(sent);
    assertThat(Hl7.value(delivered, "MSH.10")).isEqualTo("MOSAIQSAMPLE1");
    assertThat(Hl7.value(delivered, "MSH.3")).isEqualTo("285");
  }
}
