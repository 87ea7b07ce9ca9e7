package io.integrationhub.transform.pims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.Transformed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-mapper rules of spec §5 on fictional messages. */
class PimsTransformerTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2031-02-03T04:05:06Z"), ZoneOffset.UTC);
  private final PimsTransformer transformer = new PimsTransformer(CLOCK);

  static String msh(String trigger) {
    return "MSH|^~\\&|PIMS|Fict Sender|EMPI|EMPI|20310101120000+0000||ADT^"
        + trigger
        + "^ADT_A01|CTRL0001|P|2.3.1";
  }

  static final String PID =
      "PID|1||X1234^07^^^NI~P777^^^^PI||SMITHSON^ANNA^M^^MS.||19800202+^D|F|||"
          + "9 FAKE ROAD^TOWNVILLE^CITY^COUNTY^ZZ1 1ZZ~OTHER||0100000001^PRN^PH~0700000002^ORN^CP"
          + "|0200000003^WPN^PH||M||||||1|||||||^D||||20310101115959+0000";

  String transform(String... segments) throws TransformException {
    return transformer.transform(String.join("\r", segments)).message();
  }

  static List<String> lines(String message) {
    return Arrays.asList(message.split("\r"));
  }

  static String segment(String message, String id) {
    return lines(message).stream().filter(s -> s.startsWith(id + "|")).findFirst().orElse(null);
  }

  @Nested
  class Msh {
    @ParameterizedTest
    @CsvSource({
      "A04, ADT^A28^ADT_A05",
      "A08, ADT^A31^ADT_A05",
      "A28, ADT^A28^ADT_A05",
      "A31, ADT^A31^ADT_A05",
      "A40, ADT^A40^ADT_A39",
      "' a04 ', ADT^A28^ADT_A05",
      "a40, ADT^A40^ADT_A39"
    })
    void triggerTable(String trigger, String type) throws TransformException {
      assertThat(segment(transform(msh(trigger)), "MSH"))
          .isEqualTo(
              "MSH|^~\\&|103|103|200|200|20310101120000||" + type + "|CTRL0001|P|2.5|||||GBR||EN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A01", "A99", "  "})
    void unknownTriggerIsRejectedNotTurnedIntoAMerge(String trigger) {
      assertThatThrownBy(() -> transform(msh(trigger)))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.9.2");
    }

    @Test
    void copiesMsh8And13AndDropsTheRest() throws TransformException {
      String out =
          transform(
              "MSH|^~\\&|PIMS|F|E|E|20310101+0100|SEC|ADT^A28^ADT_A05|C2|T|2.3.1|77|CONT|AL|NE|GBR|8859|EN");
      assertThat(out)
          .isEqualTo(
              "MSH|^~\\&|103|103|200|200|20310101|SEC|ADT^A28^ADT_A05|C2|T|2.5|77||||GBR||EN");
    }

    @Test
    void emptyMsh7GetsTheCreationTime() throws TransformException {
      String out = transform("MSH|^~\\&|PIMS|F|E|E|||ADT^A31|C3|P|2.3.1");
      assertThat(out).startsWith("MSH|^~\\&|103|103|200|200|20310203040506||ADT^A31^ADT_A05|C3|P");
    }

    @Test
    void badMsh7FailsNamingTheField() {
      assertThatThrownBy(() -> transform("MSH|^~\\&|PIMS|F|E|E|2031-01-01||ADT^A31|C3|P|2.3.1"))
          .isInstanceOf(TransformException.class)
          .hasMessageStartingWith("Invalid datetime format after timezone removal in MSH.7.1")
          .hasMessageNotContaining("2031-01-01");
    }

    @Test
    void emptyControlOrProcessingIdIsRejected() {
      assertThatThrownBy(() -> transform("MSH|^~\\&|PIMS|F|E|E|20310101||ADT^A31||P|2.3.1"))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.10");
      assertThatThrownBy(() -> transform("MSH|^~\\&|PIMS|F|E|E|20310101||ADT^A31|C4||2.3.1"))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.11");
    }

    @Test
    void auditTexts() throws TransformException {
      Transformed result = transformer.transform(msh("A31"));
      assertThat(result.processedAuditText())
          .isEqualTo("PIMS transformation applied for SENDING_APP: PIMS");
      assertThat(transformer.receivedAuditText())
          .isEqualTo("Message received for PIMS transformation");
      assertThat(transformer.failedAuditText()).isEqualTo("PIMS transformation failed");
      assertThat(transformer.failedErrorText(new TransformException("x")))
          .isEqualTo("Failed to transform PIMS message: x");
    }

    @Test
    void nonHl7IsRejected() {
      assertThatThrownBy(() -> transformer.transform("hello"))
          .isInstanceOf(TransformException.class);
    }
  }

  @Nested
  class Evn {
    @Test
    void removesTimezonesAndDropsOtherFields() throws TransformException {
      String out =
          transform(msh("A31"), "EVN|A31|20310101090000+0000|20310102|01|USER|20310101+|SITE");
      assertThat(segment(out, "EVN")).isEqualTo("EVN|A31|20310101090000||||20310101");
    }

    @Test
    void noInboundEvnNoOutputEvn() throws TransformException {
      assertThat(segment(transform(msh("A31")), "EVN")).isNull();
    }

    @Test
    void badEvn6Fails() {
      assertThatThrownBy(() -> transform(msh("A31"), "EVN||20310101||||2031010112"))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("EVN.6.1");
    }
  }

  @Nested
  class Pid {
    @Test
    void mapsTheFullTable() throws TransformException {
      assertThat(segment(transform(msh("A31"), PID), "PID"))
          .isEqualTo(
              "PID|||X1234^^^NHS^NH~P777^^^103^PI||SMITHSON^ANNA^M^^MS.||19800202|F|||"
                  + "9 FAKE ROAD^TOWNVILLE^CITY^COUNTY^ZZ1 1ZZ||0100000001~0700000002|0200000003"
                  + "|||||||||||||||\"\"");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "X1^1^^^NI~P1^^^^PI; X1^^^NHS^NH~P1^^^103^PI",
          " X1 ^^^^ ni ~ P1 ^^^^pi ; X1^^^NHS^NH~P1^^^103^PI",
          "^1^^^NI~P1^^^^PI; P1^^^103^PI",
          "X1^1^^^NH~P1^^^^PI; P1^^^103^PI",
          "X1^^^^NI~X1^^^^NH; X1^^^NHS^NH",
          "P1^^^^PI~X1^^^^NI; ''",
          "X1^^^^NI~P1^^^^PI~P2^^^^PI; X1^^^NHS^NH~P1^^^103^PI",
          "~; ''"
        })
    void pid3PositionalRules(String input, String expected) throws TransformException {
      String out = transform(msh("A31"), "PID|||" + input + "||NAME");
      String pid3 = segment(out, "PID").split("\\|", -1)[3];
      assertThat(pid3).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "20310101120000+0000; 20310101120000",
          "20310101+0100; 20310101",
          "203101; \"\"",
          "1; \"\"",
          "\"\"; \"\"",
          "''; \"\""
        })
    void dateOfDeath(String input, String expected) throws TransformException {
      String in = input == null ? "" : input;
      String out = transform(msh("A31"), "PID|||||NAME" + "|".repeat(24) + in + "^D");
      String[] fields = segment(out, "PID").split("\\|", -1);
      assertThat(fields[29]).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESURREC", "2031010112+0000", "20310101120000-0100"})
    void invalidDateOfDeathFails(String value) {
      assertThatThrownBy(() -> transform(msh("A31"), "PID|||||NAME" + "|".repeat(24) + value))
          .isInstanceOf(TransformException.class)
          .hasMessageStartingWith("Invalid datetime format after timezone removal in PID.29.1")
          .hasMessageNotContaining(value);
    }

    @Test
    void pidWithoutDateOfDeathStillCarriesTheNull() throws TransformException {
      assertThat(segment(transform(msh("A31"), "PID|||X1^^^^NI"), "PID"))
          .isEqualTo("PID|||X1^^^NHS^NH" + "|".repeat(26) + "\"\"");
    }

    @Test
    void badBirthDateFails() {
      assertThatThrownBy(() -> transform(msh("A31"), "PID|||||NAME||1980-02-02"))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("PID.7.1");
    }

    @Test
    void postcodeOnlyAddressIsMappedNotCrashed() throws TransformException {
      // Defect M1: the reference crashes when PID.11.1 is empty.
      String out = transform(msh("A31"), "PID|||||NAME||||||^^^^ZZ9 9ZZ");
      assertThat(segment(out, "PID").split("\\|", -1)[11]).isEqualTo("^^^^ZZ9 9ZZ");
      String none = transform(msh("A31"), "PID|||||NAME");
      assertThat(segment(none, "PID").split("\\|", -1)[11]).isEmpty();
    }

    @Test
    void keepsExplicitNullsInTheNameAndEmptyPhoneRepetitions() throws TransformException {
      String out =
          transform(msh("A31"), "PID|||||DOE^\"\"^^^DR^JR||||||||^PRN^PH~0700^ORN^CP|^WPN");
      String[] fields = segment(out, "PID").split("\\|", -1);
      assertThat(fields[5]).isEqualTo("DOE^\"\"^^^DR");
      assertThat(fields[13]).isEqualTo("~0700");
      assertThat(fields[14]).isEmpty();
    }

    @Test
    void noPidNoOutputPid() throws TransformException {
      assertThat(segment(transform(msh("A31")), "PID")).isNull();
    }
  }

  @Nested
  class Pd1Pv1Mrg {
    static final String PD1 = "PD1|1|X|Y|G1111111~W22222~W3";
    static final String PV1 = "PV1|1|O|WARD";
    static final String MRG = "MRG|OLD1^5^^AUTH^XX~OLD2|ACC";

    @ParameterizedTest
    @ValueSource(strings = {"A04", "A08"})
    void registrationAndUpdateMapPd1AndPv1ButNotMrg(String trigger) throws TransformException {
      String out = transform(msh(trigger), PID, PD1, PV1, MRG);
      assertThat(segment(out, "PD1")).isEqualTo("PD1|||^^W22222|G1111111");
      assertThat(segment(out, "PV1")).isEqualTo("PV1||N");
      assertThat(segment(out, "MRG")).isNull();
      assertThat(lines(out).stream().map(s -> s.substring(0, 3)))
          .containsExactly("MSH", "PID", "PD1", "PV1");
    }

    @Test
    void pv1IsProducedWithoutInboundPv1AndPd1NeedsAnInboundPd1() throws TransformException {
      assertThat(transform(msh("A04"))).endsWith("\rPV1||N");
    }

    @Test
    void singleGpCodeLeavesPd13Empty() throws TransformException {
      assertThat(segment(transform(msh("A08"), "PD1||||G1111111"), "PD1"))
          .isEqualTo("PD1||||G1111111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A28", "A31", " a04 ", "a08"})
    void otherTriggersAsSentGetNoPd1OrPv1(String trigger) throws TransformException {
      String out = transform(msh(trigger), PID, PD1, PV1);
      assertThat(segment(out, "PD1")).isNull();
      assertThat(segment(out, "PV1")).isNull();
    }

    @Test
    void mergeMapsMrgOnly() throws TransformException {
      String out = transform(msh("A40"), PID, PD1, PV1, MRG);
      assertThat(segment(out, "MRG")).isEqualTo("MRG|OLD1^^^103^PI");
      assertThat(segment(out, "PD1")).isNull();
      assertThat(segment(out, "PV1")).isNull();
    }

    @Test
    void lowerCaseMergeStillMapsMrg() throws TransformException {
      // Deviation (M2): the reference tests the raw trigger and would send a merge without MRG.
      assertThat(segment(transform(msh(" a40"), MRG), "MRG")).isEqualTo("MRG|OLD1^^^103^PI");
    }

    @Test
    void mrgWithoutIdentifierStillGetsAuthorityAndType() throws TransformException {
      assertThat(segment(transform(msh("A40"), "MRG||ACC"), "MRG")).isEqualTo("MRG|^^^103^PI");
    }
  }

  @Nested
  class OtherSegments {
    @Test
    void firstOccurrenceOfListedSegmentsInFixedOrderOthersDropped() throws TransformException {
      String out =
          transform(
              msh("A08"),
              "NK1|1|KIN",
              "IN1|1|PLAN~X",
              "OBX|1|ST|A||v1",
              "OBX|2|ST|B||v2",
              "PV2|||REASON",
              "ZPI|secret",
              "AL1|1||PEANUT^^",
              "EVN||20310101");
      assertThat(lines(out))
          .containsExactly(
              "MSH|^~\\&|103|103|200|200|20310101120000||ADT^A31^ADT_A05|CTRL0001|P|2.5|||||GBR||EN",
              "EVN||20310101",
              "PV1||N",
              "PV2|||REASON",
              "OBX|1|ST|A||v1",
              "AL1|1||PEANUT",
              "IN1|1|PLAN~X");
    }
  }
}
