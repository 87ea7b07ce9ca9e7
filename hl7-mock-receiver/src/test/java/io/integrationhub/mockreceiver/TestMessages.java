package io.integrationhub.mockreceiver;

/** Fictional HL7 messages written for these tests. */
final class TestMessages {
  private TestMessages() {}

  static String adtA31(String controlId, String familyName) {
    return String.join(
        "\r",
        "MSH|^~\\&|PIMS^SYS|HOSP_A|MPI^HUB|NHS_W|20260102030405||ADT^A31^ADT_A05|"
            + controlId
            + "|T|2.5|||||GBR||EN",
        "EVN||20260102030405",
        "PID|1||9990001112^^^NHS^NH~X123^^^HOSP_A^MR||" + familyName + "^ALEX^^^MX||19800101|U",
        "PV1|1|N");
  }

  static String adtA31(String controlId) {
    return adtA31(controlId, "TESTPATIENT");
  }
}
