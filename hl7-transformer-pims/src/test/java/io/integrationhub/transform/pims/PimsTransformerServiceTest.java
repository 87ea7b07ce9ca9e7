package io.integrationhub.transform.pims;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.service.AbstractTransformerServiceTest;

/**
 * The Pims transformer service through the embedded broker with the local topology and the env file
 * local/pims-hl7-transformer.env: Pims messages in order on the ingress session, out on the egress
 * session; a bad one dead-lettered.
 */
class PimsTransformerServiceTest extends AbstractTransformerServiceTest {

  private static final FlowTransformer TRANSFORMER = new PimsTransformer();

  @Override
  protected FlowTransformer transformer() {
    return TRANSFORMER;
  }

  @Override
  protected String flow() {
    return "pims";
  }

  @Override
  protected String validMessage(String controlId) {
    return String.join(
        "\r",
        "MSH|^~\\&|PIMS|Fict Sender|EMPI|EMPI|20310101120000+0000||ADT^A28^ADT_A05|"
            + controlId
            + "|P|2.3.1",
        "EVN|A28|20310101120000+0000",
        "PID|1||X1234^07^^^NI~P777^^^^PI||SMITHSON^ANNA^M^^MS.||19800202+^D|F|||"
            + "9 FAKE ROAD^TOWNVILLE^CITY^COUNTY^ZZ1 1ZZ||0100000001^PRN^PH",
        "PV1|1|U");
  }

  @Override
  protected String badMessage() {
    return "MSH|^~\\&|PIMS|Fict Sender|EMPI|EMPI|20310101120000+0000||ADT^A28^ADT_A05|BAD1|P|2.3.1\r"
        + "PID|1||X9999^07^^^NI||SMITHSON^BOB||1980-02-02|M|||9 FAKE ROAD^TOWNVILLE";
  }

  @Override
  protected String rejectedField() {
    return "PID.7";
  }
}
