package io.integrationhub.transform.phw;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.service.AbstractTransformerServiceTest;

/**
 * The Phw transformer service through the embedded broker with the local topology and the env file
 * local/phw-hl7-transformer.env: Phw messages in order on the ingress session, out on the egress
 * session; a bad one dead-lettered.
 */
class PhwTransformerServiceTest extends AbstractTransformerServiceTest {

  private static final FlowTransformer TRANSFORMER = new PhwTransformer();

  @Override
  protected FlowTransformer transformer() {
    return TRANSFORMER;
  }

  @Override
  protected String flow() {
    return "phw";
  }

  @Override
  protected String validMessage(String controlId) {
    return String.join(
        "\r",
        "MSH|^~\\&|252|252|100|100|2030-02-03 04:05:06||ADT^A31^ADT_A05|"
            + controlId
            + "|P|2.5|||||GBR||EN",
        "EVN||20300201010101|20300203040506|||20300203040506",
        "PID|||1234567^^^252^PI~9990001112^^^NHS^NH||FICTION^ANNA^B^^MS||20010203|F|||"
            + "1 TEST ST^TESTTOWN^^^TT1 1TT^^H|||||||||||||||||||01");
  }

  @Override
  protected String badMessage() {
    return "MSH|^~\\&|252|252|100|100|NOT-A-DATE||ADT^A31^ADT_A05|BAD1|P|2.5\r"
        + "PID|||7654321^^^252^PI||FICTION^BOB||20020304|M";
  }

  @Override
  protected String rejectedField() {
    return "MSH.7";
  }
}
