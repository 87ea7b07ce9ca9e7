package io.integrationhub.hl7.validation.xml;

import static io.integrationhub.hl7.validation.Messages.msh;
import static io.integrationhub.hl7.validation.Messages.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.FlowValidator;
import io.integrationhub.hl7.validation.Hl7Validation;
import io.integrationhub.hl7.validation.Messages;
import io.integrationhub.hl7.validation.ValidationResult;
import org.junit.jupiter.api.Test;

/** The conversion rules of spec hl7-validation §4, through the built-in phw and pims schemas. */
class Er7XmlConverterTest {

  private static final Hl7Validation VALIDATION = Hl7Validation.builtIn();
  private static final FlowValidator PHW = VALIDATION.flow("phw");
  private static final String A31 = msh("ADT^A31^ADT_A05", "2.5");
  private static final String EVN = "EVN||20250502092900";
  private static final String PV1 = "PV1||U";

  @Test
  void writesTheReferenceDocumentShape() {
    String xml = xml(Messages.PHW_A31);

    assertThat(xml)
        .startsWith(
            "<ns0:ADT_A05 xmlns:ns0=\"urn:hl7-org:v2xml\"><ns0:MSH><ns0:MSH.1>|</ns0:MSH.1>")
        .contains("<ns0:MSH.2>^~\\&amp;</ns0:MSH.2>")
        .contains("<ns0:MSH.3><ns0:HD.1>252</ns0:HD.1><ns0:HD.2/><ns0:HD.3/></ns0:MSH.3>")
        .contains("<ns0:MSH.9><ns0:MSG.1>ADT</ns0:MSG.1><ns0:MSG.2>A31</ns0:MSG.2>")
        .contains("<ns0:EVN><ns0:EVN.2><ns0:TS.1>20250502092900</ns0:TS.1><ns0:TS.2/></ns0:EVN.2>")
        .endsWith("</ns0:PV1></ns0:ADT_A05>")
        .doesNotContain("\n")
        .doesNotStartWith("<?xml");
  }

  @Test
  void emitsEveryComponentOfACompositeEmptyWhenAbsent() {
    String xml = xml(Messages.PHW_A31);

    assertThat(xml)
        .contains(
            "<ns0:PID.3><ns0:CX.1>8888888</ns0:CX.1><ns0:CX.2/><ns0:CX.3/>"
                + "<ns0:CX.4><ns0:HD.1>252</ns0:HD.1><ns0:HD.2/><ns0:HD.3/></ns0:CX.4>"
                + "<ns0:CX.5>PI</ns0:CX.5><ns0:CX.6><ns0:HD.1/><ns0:HD.2/><ns0:HD.3/></ns0:CX.6>")
        .contains("<ns0:PID.5><ns0:XPN.1><ns0:FN.1>TESTER</ns0:FN.1><ns0:FN.2/>")
        .contains("<ns0:XPN.2>TEST</ns0:XPN.2>");
  }

  @Test
  void splitsRepetitionsOnlyWhereTheFieldRepeats() {
    String xml =
        xml(of(A31, EVN, "PID|||1^^^252^PI~2^^^NHS^NH||N^G||19990101~20000101||||||^^^~", PV1));

    assertThat(count(xml, "<ns0:PID.3>")).isEqualTo(2);
    assertThat(xml).contains("<ns0:PID.7><ns0:TS.1>19990101~20000101</ns0:TS.1>");
    assertThat(count(xml, "<ns0:PID.13>")).isEqualTo(2);
  }

  @Test
  void splitsSubComponentsOfACompositeComponent() {
    String xml = xml(of(A31, EVN, "PID|||123^^^252&1.2.3&ISO^PI||N^G", PV1));

    assertThat(xml)
        .contains(
            "<ns0:CX.4><ns0:HD.1>252</ns0:HD.1><ns0:HD.2>1.2.3</ns0:HD.2><ns0:HD.3>ISO</ns0:HD.3>");
  }

  @Test
  void keepsEscapesNullsAndWhitespaceAsReceived() {
    String xml =
        xml(of(A31, EVN, "PID|||1^^^252^PI||O\\T\\BRIEN^ ANN " + "|".repeat(24) + "\"\"", PV1));

    assertThat(xml)
        .contains("<ns0:FN.1>O\\T\\BRIEN</ns0:FN.1>")
        .contains("<ns0:XPN.2> ANN </ns0:XPN.2>")
        .contains("<ns0:PID.29><ns0:TS.1>\"\"</ns0:TS.1>");
  }

  @Test
  void escapesXmlMarkupInText() {
    String xml = xml(of(A31, EVN, "PID|||1^^^252^PI||A&B<C>D^G", PV1));

    assertThat(xml).contains("<ns0:FN.1>A</ns0:FN.1>").contains("<ns0:XPN.2>G</ns0:XPN.2>");
    String text = xml(of(A31, EVN, "PID|||1^^^252^PI||<b>&amp;", PV1));
    assertThat(text).contains("<ns0:FN.1>&lt;b&gt;</ns0:FN.1><ns0:FN.2>amp;</ns0:FN.2>");
  }

  @Test
  void emitsRequiredFieldsEmptyAndLeavesOptionalEmptyFieldsOut() {
    String xml = xml(of(A31, EVN, "PID|1", PV1));

    assertThat(xml)
        .contains("<ns0:PID.3><ns0:CX.1/><ns0:CX.2/>")
        .contains("<ns0:PID.5><ns0:XPN.1><ns0:FN.1/>")
        .doesNotContain("<ns0:PID.2>")
        .contains("<ns0:PV1.2>U</ns0:PV1.2>");
  }

  @Test
  void usesTheMessagesOwnDelimiters() {
    String message =
        of(
            "MSH#*~!%#252#252#100#100#20250505232332##ADT*A31*ADT_A05#C1#P#2.5",
            "EVN##20250502092900", "PID###123***252%1.2%ISO*PI~9***NHS*NH##N*G", "PV1##U");

    ValidationResult result = PHW.validateAndConvert(message);

    assertThat(result.isValid()).as(result.toString()).isTrue();
    assertThat(result.xml().orElseThrow())
        .contains("<ns0:MSH.1>#</ns0:MSH.1><ns0:MSH.2>*~!%</ns0:MSH.2>")
        .contains("<ns0:CX.4><ns0:HD.1>252</ns0:HD.1><ns0:HD.2>1.2</ns0:HD.2>")
        .contains("<ns0:FN.1>N</ns0:FN.1>");
    assertThat(count(result.xml().orElseThrow(), "<ns0:PID.3>")).isEqualTo(2);
  }

  @Test
  void opensAGroupForEachSegmentThatStartsOne() {
    String xml =
        xml(
            of(
                msh("ADT^A40^ADT_A39", "2.5"),
                EVN,
                "PID|||1^^^252^PI||A^B",
                "MRG|2^^^252^PI",
                "PID|||3^^^252^PI||C^D",
                "MRG|4^^^252^PI"));

    assertThat(count(xml, "<ns0:ADT_A39.PATIENT>")).isEqualTo(2);
    assertThat(xml)
        .contains("<ns0:EVN>")
        .contains("</ns0:EVN><ns0:ADT_A39.PATIENT><ns0:PID>")
        .endsWith("</ns0:MRG></ns0:ADT_A39.PATIENT></ns0:ADT_A39>");
  }

  @Test
  void keepsRolInTheProcedureGroupOnlyAfterPr1() {
    String xml =
        xml(
            of(
                A31,
                EVN,
                "PID|||1^^^252^PI||A^B",
                "PD1",
                "ROL||AD",
                PV1,
                "PR1|1||P1",
                "ROL||AD",
                "PR1|2||P2"));

    assertThat(xml)
        .contains("<ns0:PD1/><ns0:ROL>")
        .contains("<ns0:ADT_A05.PROCEDURE><ns0:PR1><ns0:PR1.1>1</ns0:PR1.1>")
        .contains("</ns0:PR1><ns0:ROL>");
    assertThat(count(xml, "<ns0:ADT_A05.PROCEDURE>")).isEqualTo(2);
  }

  @Test
  void neverAddsSegmentsTheMessageDoesNotHave() {
    ValidationResult noEvn = PHW.validateAndConvert(of(A31, "PID|||1^^^252^PI||A^B", PV1));
    ValidationResult noPv1 = PHW.validateAndConvert(of(A31, EVN, "PID|||1^^^252^PI||A^B"));

    assertThat(noEvn.errorMessage())
        .isEqualTo(
            "Unexpected child with tag '{urn:hl7-org:v2xml}PID' at position 2. "
                + "Tag '{urn:hl7-org:v2xml}EVN' expected. (path: /ns0:ADT_A05)");
    assertThat(noPv1.errorMessage())
        .isEqualTo(
            "The content of element '{urn:hl7-org:v2xml}ADT_A05' is not complete. "
                + "Tag '{urn:hl7-org:v2xml}PV1' expected. (path: /ns0:ADT_A05)");
  }

  @Test
  void warnsAboutFieldsBeyondTheSchemaAndComponentsBeyondTheType() {
    String pid = "PID|||1^^^252^PI^^^^^^^EXTRA||A^B" + "|".repeat(35) + "FORTY";
    ValidationResult result = PHW.validateAndConvert(of(A31, EVN, pid, PV1));

    assertThat(result.isValid()).isTrue();
    assertThat(result.warnings())
        .containsExactly(
            "PID.3 has more components than its type CX declares; the extra ones are not in the XML",
            "PID-40 is beyond the schema's definition of PID and is not in the XML");
    assertThat(String.join(" ", result.warnings())).doesNotContain("EXTRA").doesNotContain("FORTY");
  }

  @Test
  void writesZSegmentsAsPlainFieldsWhichTheSchemaRejects() {
    ValidationResult result =
        PHW.validateAndConvert(of(A31, EVN, "PID|||1^^^252^PI||A^B", PV1, "ZPI|1|A^B"));

    assertThat(result.errorMessage())
        .startsWith("Unexpected child with tag '{urn:hl7-org:v2xml}ZPI' at position 5.");
  }

  private static String xml(String message) {
    ValidationResult result = PHW.validateAndConvert(message);
    return result
        .xml()
        .orElseGet(
            () -> {
              throw new AssertionError("expected a valid message: " + result);
            });
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
