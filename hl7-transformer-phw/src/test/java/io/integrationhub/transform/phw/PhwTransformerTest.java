package io.integrationhub.transform.phw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.Transformed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Mapper-level behaviour of {@link PhwTransformer} on fictional messages. */
class PhwTransformerTest {

  private static final String MSH =
      "MSH|^~\\&|252|252|100|100|2030-02-03 04:05:06||ADT^A31^ADT_A05|CTRL0001|P|2.5|||||GBR||EN";
  private static final String EVN = "EVN||20300201010101|20300203040506|||20300203040506";
  private static final String PID =
      "PID|||1234567^^^252^PI~9990001112^^^NHS^NH||FICTION^ANNA^B^^MS||20010203|F|||"
          + "1 TEST ST^TESTTOWN^^^TT1 1TT^^H~2 OTHER RD^ELSEWHERE^^^TT2 2TT^^H|||||||||||||||||||01";

  private final PhwTransformer transformer = new PhwTransformer();

  private Transformed transform(String... segments) throws TransformException {
    return transformer.transform(String.join("\r", segments));
  }

  private static List<String> segments(Transformed result) {
    return Arrays.asList(result.message().split("\r", -1));
  }

  private static List<String> ids(Transformed result) {
    return segments(result).stream().map(s -> s.substring(0, 3)).toList();
  }

  private static String segment(Transformed result, String id) {
    return segments(result).stream().filter(s -> s.startsWith(id + "|")).findFirst().orElseThrow();
  }

  @Test
  void nameAndAuditTexts() {
    assertThat(transformer.name()).isEqualTo("PHW");
    assertThat(transformer.receivedAuditText())
        .isEqualTo("Message received for PHW transformation");
    assertThat(transformer.failedAuditText()).isEqualTo("PHW transformation failed");
  }

  @Nested
  class Msh {

    @Test
    void copiesFieldsWithRepetitionsAndConvertsMsh7() throws TransformException {
      Transformed result =
          transform(
              "MSH|^~\\&|APP1~APP2|FAC|RCV1~RCV2|RFAC|2030-02-03 04:05:06^S||ADT^A28^ADT_A05"
                  + "|C1|P|2.5|||AL~NE||GBR||EN||PROF1~PROF2");
      assertThat(result.message())
          .isEqualTo(
              "MSH|^~\\&|APP1~APP2|FAC|RCV1~RCV2|RFAC|20300203040506||ADT^A28^ADT_A05|C1|P|2.5"
                  + "|||AL~NE||GBR||EN||PROF1~PROF2");
    }

    @Test
    void keepsInboundVersion() throws TransformException {
      Transformed result =
          transform("MSH|^~\\&|PHW||EMPI||20300203040506||ADT^A08^ADT_A01|C2|P|2.3.1");
      assertThat(result.message())
          .isEqualTo("MSH|^~\\&|PHW||EMPI||20300203040506||ADT^A08^ADT_A01|C2|P|2.3.1");
    }

    @Test
    void dropsMsh22AndLater() throws TransformException {
      Transformed result =
          transform("MSH|^~\\&|252||||20300203040506||ADT^A31|C3|P|2.5|||||||||F21|F22|F23");
      assertThat(result.message())
          .isEqualTo("MSH|^~\\&|252||||20300203040506||ADT^A31|C3|P|2.5|||||||||F21");
    }

    @Test
    void emptyMsh7FailsNamingTheField() {
      assertThatThrownBy(() -> transform("MSH|^~\\&|252||||||ADT^A31|C4|P|2.5", PID))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.7");
    }

    @Test
    void invalidMsh7FailsWithoutQuotingTheValue() {
      assertThatThrownBy(() -> transform("MSH|^~\\&|252||||2030-02-30 01:02:03||ADT^A31|C5"))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.7")
          .hasMessageNotContaining("2030-02-30");
    }

    @Test
    void invalidMsh7GivesThePhwFailedTexts() {
      TransformException error =
          org.junit.jupiter.api.Assertions.assertThrows(
              TransformException.class,
              () -> transform("MSH|^~\\&|252||||20300203T040506||ADT^A31|C6"));
      assertThat(transformer.failedErrorText(error))
          .startsWith("Failed to transform PHW message: MSH.7");
    }

    @Test
    void nonStandardDelimitersAreWrittenWithStandardOnes() throws TransformException {
      Transformed result = transform("MSH#*$!@#A1$A2#F###20300203040506##ADT*A31#C7#P#2.5");
      assertThat(result.message())
          .isEqualTo("MSH|^~\\&|A1~A2|F|||20300203040506||ADT^A31|C7|P|2.5");
    }
  }

  @Nested
  class Evn {

    @Test
    void copiesFirstEvnVerbatimAndDropsOthers() throws TransformException {
      Transformed result = transform(MSH, EVN, PID, "EVN|A31|20300101000000", "PV1||U");
      assertThat(ids(result)).containsExactly("MSH", "EVN", "PID", "PV1");
      assertThat(segment(result, "EVN")).isEqualTo(EVN);
    }

    @Test
    void evnComesSecondWhateverTheInboundOrder() throws TransformException {
      Transformed result = transform(MSH, PID, EVN);
      assertThat(ids(result)).containsExactly("MSH", "EVN", "PID");
    }
  }

  @Nested
  class Pid {

    @Test
    void copiesPidWithRepetitions() throws TransformException {
      Transformed result = transform(MSH, PID);
      assertThat(segment(result, "PID")).isEqualTo(PID);
    }

    @Test
    void keepsEmptyRepetitionsAndTrimsEmptyComponents() throws TransformException {
      Transformed result =
          transform(MSH, "PID|||111^^^252^PI~^^^^||NAME^ONE||20000101|M|^^||ADDR^^^^^^H~^^^^^^");
      assertThat(segment(result, "PID"))
          .isEqualTo("PID|||111^^^252^PI~||NAME^ONE||20000101|M|||ADDR^^^^^^H~");
    }

    @Test
    void dateOfDeathIsTrimmedNotReformatted() throws TransformException {
      Transformed result = transform(MSH, pidWithDateOfDeath(" 2029-12-31 ^Y"));
      assertThat(segment(result, "PID")).isEqualTo(pidWithDateOfDeath("2029-12-31"));
      assertThat(result.processedAuditText())
          .isEqualTo(
              "HL7 transformations applied: DateTime transformed from 2030-02-03 04:05:06 to"
                  + " 20300203040506; Date of death transformed from  2029-12-31  to 2029-12-31");
    }

    @Test
    void resurrecBecomesTheHl7Null() throws TransformException {
      Transformed result = transform(MSH, pidWithDateOfDeath("resurrec"));
      assertThat(segment(result, "PID")).isEqualTo(pidWithDateOfDeath("\"\""));
      assertThat(result.processedAuditText())
          .endsWith("; Date of death transformed from resurrec to \"\"");
    }

    @Test
    void emptyDateOfDeathIsNotWrittenNorAudited() throws TransformException {
      Transformed result = transform(MSH, pidWithDateOfDeath("   "));
      assertThat(segment(result, "PID")).isEqualTo("PID|||555^^^252^PI||DOE^JAN||19700101|M");
      assertThat(result.processedAuditText())
          .isEqualTo(
              "HL7 transformations applied: DateTime transformed from 2030-02-03 04:05:06 to"
                  + " 20300203040506");
    }

    @Test
    void copiesPid30To39AndDropsLater() throws TransformException {
      String fields30To40 = "Y|20300101|SRC|N|SP|BR|PROD|MAN|TRIBE|NOTE1~NOTE2|F40";
      Transformed result = transform(MSH, pidWithDateOfDeath("20290101") + "|" + fields30To40);
      assertThat(segment(result, "PID"))
          .isEqualTo(
              pidWithDateOfDeath("20290101")
                  + "|Y|20300101|SRC|N|SP|BR|PROD|MAN|TRIBE|NOTE1~NOTE2");
    }

    @Test
    void noPidGivesNoPid() throws TransformException {
      Transformed result = transform(MSH, EVN, "PV1||U");
      assertThat(ids(result)).containsExactly("MSH", "EVN", "PV1");
    }

    @Test
    void onlyMshGivesOnlyMsh() throws TransformException {
      Transformed result = transform(MSH);
      assertThat(ids(result)).containsExactly("MSH");
    }

    @Test
    void onlyMshAndPidGivesMshAndPid() throws TransformException {
      Transformed result = transform(MSH, PID);
      assertThat(ids(result)).containsExactly("MSH", "PID");
    }

    private static String pidWithDateOfDeath(String value) {
      return "PID|||555^^^252^PI||DOE^JAN||19700101|M" + "|".repeat(21) + value;
    }
  }

  @Nested
  class OtherSegments {

    @Test
    void copiesEachRepeatingFieldOnce() throws TransformException {
      Transformed result = transform(MSH, PID, "PD1|||ORG~O2|G0000001", "PV1||U|A~B~C");
      assertThat(segment(result, "PD1")).isEqualTo("PD1|||ORG~O2|G0000001");
      assertThat(segment(result, "PV1")).isEqualTo("PV1||U|A~B~C");
    }

    @Test
    void keepsZSegmentsAndAllOccurrencesInOrder() throws TransformException {
      Transformed result =
          transform(
              MSH,
              EVN,
              PID,
              "NK1|1|KIN^ONE",
              "ZU1|X^Y~Z",
              "NK1|2|KIN^TWO",
              "PV1||U",
              "OBX|1|ST|||V1",
              "OBX|2|ST|||V2");
      assertThat(ids(result))
          .containsExactly("MSH", "EVN", "PID", "NK1", "ZU1", "NK1", "PV1", "OBX", "OBX");
      assertThat(segments(result).subList(3, 9))
          .containsExactly(
              "NK1|1|KIN^ONE",
              "ZU1|X^Y~Z",
              "NK1|2|KIN^TWO",
              "PV1||U",
              "OBX|1|ST|||V1",
              "OBX|2|ST|||V2");
    }

    @Test
    void segmentWithoutValuesIsLeftOut() throws TransformException {
      Transformed result = transform(MSH, PID, "PD1|||", "PV1||U");
      assertThat(ids(result)).containsExactly("MSH", "PID", "PV1");
    }

    @Test
    void a40PassesWithMrg() throws TransformException {
      Transformed result =
          transform(
              "MSH|^~\\&|252|252|100|100|20300203040506||ADT^A40^ADT_A39|C40|P|2.5",
              "EVN|A40|20300203040506",
              "PID|||NEW1^^^252^PI~9990002223^^^NHS^NH||MERGED^PAT",
              "PD1|||^^W00001|G0000002",
              "MRG|OLD1^^^252^PI~OLD2^^^252^PI",
              "PV1||U");
      assertThat(ids(result)).containsExactly("MSH", "EVN", "PID", "PD1", "MRG", "PV1");
      assertThat(segment(result, "MRG")).isEqualTo("MRG|OLD1^^^252^PI~OLD2^^^252^PI");
      assertThat(segment(result, "PID"))
          .isEqualTo("PID|||NEW1^^^252^PI~9990002223^^^NHS^NH||MERGED^PAT");
    }

    @Test
    void groupSegmentsOfAdtA05PassThrough() throws TransformException {
      Transformed result =
          transform(MSH, EVN, PID, "PV1||U", "PR1|1||PROC^X", "IN1|1|PLAN~PLAN2", "IN2|1");
      assertThat(ids(result)).containsExactly("MSH", "EVN", "PID", "PV1", "PR1", "IN1", "IN2");
      assertThat(segment(result, "IN1")).isEqualTo("IN1|1|PLAN~PLAN2");
    }
  }

  @Nested
  class Audit {

    @Test
    void processedTextNamesTheDateTimeEvenWhenUnchanged() throws TransformException {
      Transformed result = transform("MSH|^~\\&|252||||20300203040506||ADT^A31|C8");
      assertThat(result.processedAuditText())
          .isEqualTo(
              "HL7 transformations applied: DateTime transformed from 20300203040506 to"
                  + " 20300203040506");
    }
  }

  @Test
  void notHl7IsRejected() {
    assertThatThrownBy(() -> transformer.transform("this is not HL7"))
        .isInstanceOf(TransformException.class);
  }
}
