package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** PARIS → MPI: no transformer, the server's queue is the sender's; MPI gets the bytes as sent. */
class ParisToMpiTest extends FlowTestBase {

  @Override
  String flow() {
    return "paris";
  }

  @Override
  void assertDeliveredSample(String sent, String delivered) {
    assertThat(delivered).isEqualTo(sent);
    assertThat(Hl7.value(delivered, "MSH.10")).isEqualTo("PARISSAMPLE01");
    assertThat(Hl7.value(delivered, "MSH.3")).isEqualTo("169");
    assertThat(Hl7.value(delivered, "MSH.12")).isEqualTo("2.5.1");
  }
}
