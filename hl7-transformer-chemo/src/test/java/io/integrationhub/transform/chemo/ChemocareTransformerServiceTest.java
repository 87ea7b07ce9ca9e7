package io.integrationhub.transform.chemo;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.service.AbstractTransformerServiceTest;

/**
 * The Chemocare transformer service through the embedded broker with the local topology and the env
 * file local/chemo-hl7-transformer.env: Chemocare messages in order on the ingress session, out on
 * the egress session; a bad one dead-lettered.
 */
class ChemocareTransformerServiceTest extends AbstractTransformerServiceTest {

  private static final FlowTransformer TRANSFORMER = new ChemocareTransformer();

  @Override
  protected FlowTransformer transformer() {
    return TRANSFORMER;
  }

  @Override
  protected String flow() {
    return "chemo";
  }

  @Override
  protected String validMessage(String controlId) {
    return String.join(
        "\r",
        "MSH|^~\\&|192|192|200|200|20240102030405||ADT^A28|" + controlId + "|P|2.4|||NE|NE",
        "EVN|A28|20240102030405",
        "PID|1||1234567^^^192^PI~9990001112^^^NHS^NH||FICTION^ANNA^B^^MS||20010203|F|||"
            + "1 TEST ST^TESTTOWN^^^TT1 1TT");
  }

  @Override
  protected String badMessage() {
    return "MSH|^~\\&|192|192|200|200|20240102030405||ADT^A28|BAD1||2.4|||NE|NE\r"
        + "PID|1||7654321^^^192^PI||FICTION^BOB||20020304|M";
  }

  @Override
  protected String rejectedField() {
    return "MSH.11";
  }
}
