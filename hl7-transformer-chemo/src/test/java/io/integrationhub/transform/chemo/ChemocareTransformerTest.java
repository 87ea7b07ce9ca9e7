package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.message;
import static io.integrationhub.transform.chemo.Messages.msh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.Transformed;
import io.integrationhub.transform.vectors.Er7PathReader;
import org.junit.jupiter.api.Test;

class ChemocareTransformerTest {

  private final ChemocareTransformer transformer = new ChemocareTransformer();

  @Test
  void auditTexts() throws TransformException {
    assertThat(transformer.name()).isEqualTo("Chemocare");
    assertThat(transformer.receivedAuditText())
        .isEqualTo("Message received for Chemocare transformation");
    assertThat(transformer.failedAuditText()).isEqualTo("Chemocare transformation failed");
    assertThat(transformer.failedErrorText(new TransformException("MSH.10 is empty")))
        .isEqualTo("Failed to transform Chemocare message: MSH.10 is empty");
    assertThat(transformer.transform(msh("245")).processedAuditText())
        .isEqualTo("Chemocare transformation applied for SENDING_APP: 245");
  }

  @Test
  void processedAuditTextUsesInboundMsh31() throws TransformException {
    String in = "MSH|^~\\&|212^BCU|212|200|200|20240102030405||ADT^A31|C1|P|2.4";

    assertThat(transformer.transform(in).processedAuditText())
        .isEqualTo("Chemocare transformation applied for SENDING_APP: 212");
  }

  @Test
  void segmentOrderFollowsTheMapperOrderAndDropsUnmappedSegments() throws TransformException {
    String in =
        message(
            "MSH|^~\\&|224|224|100|100|20240102030405||ADT^A31|C1|P|2.4",
            "IN3|1",
            "ZCH|custom",
            "IN2|1",
            "IN1|1",
            "GT1|1",
            "PR1|1",
            "DG1|1",
            "AL1|1",
            "OBX|1",
            "OBX|2",
            "PV2|1",
            "PV1||U",
            "NK1|1|ZZKIN",
            "NK1|2|OTHER",
            "PD1||||G9999991",
            "MRG|9990000026",
            "NTE|1",
            "ROL|1",
            "PID|1|9990000018^^^^NH||ZZTEST",
            "EVN|A31|20240102030405");

    Er7PathReader out = Er7PathReader.of(transformer.transform(in).message());

    assertThat(out.segmentIds())
        .containsExactly(
            "MSH", "EVN", "PID", "PD1", "NK1", "PV1", "PV2", "OBX", "AL1", "DG1", "PR1", "GT1",
            "IN1", "IN2", "IN3");
    assertThat(out.read("OBX")).isEqualTo("OBX|1");
    assertThat(out.read("NK1")).isEqualTo("NK1||ZZKIN");
  }

  @Test
  void wholeMessage() throws TransformException {
    String in =
        message(
            "MSH|^~\\&|192|192|200|200|20240102030405||ADT^A28|C77|P|2.4|||NE|NE",
            "EVN|Sub|20240102030405",
            "PID|1|9990000018^^^^NH|9990000018^^^^NH~S1^^^^PAS||ZZTEST^ALEX^^^Mx.||19800214|U|||"
                + "1 ROAD^^TOWN^^ZZ1 1ZZ^GBR||01000 000001^PRN~|07000 000002||||||||||||||||Y||1",
            "PD1||||G9999991",
            "PV1||U",
            "NK1|1|ZZKIN^SAM|SIS");

    Transformed result = transformer.transform(in);

    assertThat(result.message())
        .isEqualTo(
            String.join(
                "\r",
                "MSH|^~\\&|192|192|200|200|20240102030405||ADT^A28^ADT_A05|C77|P|2.5|||NE|NE",
                "EVN|Sub|20240102030405",
                "PID|1||9990000018^^^NHS^NH~SWWCC9990000018^^^192^PI||ZZTEST^ALEX^^^Mx.||19800214|U|||"
                    + "1 ROAD^^TOWN^^ZZ1 1ZZ||01000 000001^PRN~|07000 000002||||||||||||||||||1",
                "PD1||||G9999991",
                "NK1||ZZKIN^SAM|SIS",
                "PV1||U"));
  }

  @Test
  void rejectionsNameTheFieldNeverTheValue() {
    String in = "MSH|^~\\&|224|224|100|100|20240102030405||ADT^A40|C1|P|2.4";

    assertThatThrownBy(() -> transformer.transform(in))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("MSH.9")
        .hasMessageNotContaining("C1");
  }

  @Test
  void nonHl7InputIsRejected() {
    assertThatThrownBy(() -> transformer.transform("not a message"))
        .isInstanceOf(TransformException.class);
  }

  @Test
  void noPidMessageHasHeaderOnly() throws TransformException {
    assertThat(transformer.transform(message(msh("224"), "PV1||U")).message())
        .isEqualTo(
            "MSH|^~\\&|224|224|200|200|20240102030405||ADT^A31^ADT_A05|CTRL0001|P|2.5|||NE|NE"
                + "\rPV1||U");
  }
}
