package io.integrationhub.hl7.path;

import static io.integrationhub.hl7.TestMessages.er7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.Message;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.parse.Hl7Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7FieldsGetTest {

  private final Hl7Parser parser = Hl7Parser.shared();

  private Message parse(String text) throws Exception {
    return parser.parse(text);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "PID.3;            T3000003^^^TESTHOSP&1.2.3.4&ISO^MR",
        "PID.3[1];         T3000003^^^TESTHOSP&1.2.3.4&ISO^MR",
        "PID.3[2];         9990000018^^^NHS^NH",
        "PID.3[2].1;       9990000018",
        "PID.3[1].4;       TESTHOSP&1.2.3.4&ISO",
        "PID.3[1].4.1;     TESTHOSP",
        "PID.3[1].4.2;     1.2.3.4",
        "PID.3.4.3;        ISO",
        "PID.3.5;          MR",
        "PID.5;            Exampleton^Cai^Dewi",
        "PID.5.1;          Exampleton",
        "PID.5.3;          Dewi",
        "PID.7;            19900615",
        "PID.7.1;          19900615",
        "PID.7.1.1;        19900615",
        "MSH.3;            TESTAPP^1.2.3^ISO",
        "MSH.3.2;          1.2.3",
        "MSH.9;            ADT^A31^ADT_A05",
        "MSH.9.1;          ADT",
        "MSH.9.2;          A31",
        "MSH.9.3;          ADT_A05",
        "MSH.10;           V25-1",
        "MSH.12;           2.5^GBR",
        "MSH.12.2;         GBR",
        "MSH.17;           GBR",
        "EVN.1;            A31",
        "XXX.1;            unknown-1",
        "XXX[1].2;         unknown-2",
        "ZPD.1;            z-one^z-two&z-sub",
        "ZPD.1.2;          z-two&z-sub",
        "ZPD.1.2.2;        z-sub",
        "ZPD.2;            z-three",
        "PV1.2;            N"
      })
  void readsFieldsRepetitionsComponentsAndSubcomponents(String path, String expected)
      throws Exception {
    assertThat(Hl7Fields.get(parse(TestMessages.V25_A31), path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is empty")
  @CsvSource({
    "PID.3[3]",
    "PID.3[2].4.2",
    "PID.3.9",
    "PID.3.5.2",
    "PID.5.9.9",
    "PID.99",
    "PID[2].3",
    "NK1.2",
    "ZZZ",
    "ZPD.1.3",
    "ZPD.9",
    "MSH.1.2",
    "MSH.2[2]",
    "PID.2"
  })
  void returnsEmptyForAbsentData(String path) throws Exception {
    assertThat(Hl7Fields.get(parse(TestMessages.V25_A31), path)).isEmpty();
  }

  @Test
  void readingDoesNotChangeTheMessage() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    for (String path :
        new String[] {"PID.3[5].9.9", "PID.99", "ZPD.1.9.9", "XXX.50", "PV2.1", "NK1[3].2"}) {
      Hl7Fields.get(message, path);
      Hl7Fields.getAll(message, path);
    }

    assertThat(parser.encode(message)).isEqualTo(TestMessages.V25_A31);
  }

  @Test
  void readsSegmentRepetitionsAcrossGroups() throws Exception {
    Message message = parse(TestMessages.V251_ORU);

    assertThat(Hl7Fields.get(message, "OBX.5")).isEqualTo("first value");
    assertThat(Hl7Fields.get(message, "OBX[2].5")).isEqualTo("second value");
    assertThat(Hl7Fields.get(message, "OBX[3].3")).isEqualTo("CODE-C");
    assertThat(Hl7Fields.get(message, "OBX[4].5")).isEmpty();
    assertThat(Hl7Fields.get(message, "OBR[2].3")).isEqualTo("ORD-2");
  }

  @Test
  void readsSegmentsNestedInTheMergePatientGroup() throws Exception {
    Message message = parse(TestMessages.V24_A40);

    assertThat(Hl7Fields.get(message, "PID.3.1")).isEqualTo("T5000005");
    assertThat(Hl7Fields.get(message, "PID[2].5")).isEqualTo("Joinwell^Gethin");
    assertThat(Hl7Fields.get(message, "MRG[2].1.1")).isEqualTo("T6000099");
    assertThat(Hl7Fields.get(message, "EVN.1")).isEqualTo("A40");
  }

  @Test
  void readsWholeSegmentWithStandardDelimiters() throws Exception {
    Message message = parse(er7("MSH#*~\\&#APP#F#####ADT*A31*ADT_A05#C#P#2.5", "PID#1##T1*X|Y"));

    assertThat(Hl7Fields.get(message, "PID")).isEqualTo("PID|1||T1^X\\F\\Y");
    assertThat(Hl7Fields.get(message, "MSH"))
        .isEqualTo("MSH|^~\\&|APP|F|||||ADT^A31^ADT_A05|C|P|2.5");
  }

  @Test
  void readsMsh1AndMsh2AsTheMessageDelimiters() throws Exception {
    Message standard = parse(TestMessages.V25_A31);
    Message custom = parse(er7("MSH#*~\\&#APP#F#####ADT*A31*ADT_A05#C#P#2.5", "PID#1"));

    assertThat(Hl7Fields.get(standard, "MSH.1")).isEqualTo("|");
    assertThat(Hl7Fields.get(standard, "MSH.2")).isEqualTo("^~\\&");
    assertThat(Hl7Fields.get(custom, "MSH.1")).isEqualTo("#");
    assertThat(Hl7Fields.get(custom, "MSH.1.1")).isEqualTo("#");
    assertThat(Hl7Fields.get(custom, "MSH.2")).isEqualTo("*~\\&");
    assertThat(Hl7Fields.get(custom, "MSH.3")).isEqualTo("APP");
    assertThat(Hl7Fields.get(custom, "MSH.9.2")).isEqualTo("A31");
  }

  @Test
  void reEncodesValuesHoldingStandardDelimitersAsEscapes() throws Exception {
    Message message =
        parse(er7("MSH#*~\\%#A#B#C#D#2024##ADT*A31*ADT_A05#C#P#2.5", "PID#1##X^Y&Z|W"));

    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("X\\S\\Y\\T\\Z\\F\\W");
  }

  @Test
  void keepsEscapeSequencesOfTheMessage() throws Exception {
    Message message =
        parse(er7("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.5", "NTE|1||a\\F\\b\\.br\\c"));

    assertThat(Hl7Fields.get(message, "NTE.3")).isEqualTo("a\\F\\b\\.br\\c");
  }

  @Test
  void readsFieldsOfUnknownVersionMessages() throws Exception {
    Message message =
        parse(
            er7(
                "MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.9",
                "PID|1||T1^^^H&1.2&ISO^MR~T2||Futurist^Hedd"));

    assertThat(Hl7Fields.get(message, "PID.3[1].4.2")).isEqualTo("1.2");
    assertThat(Hl7Fields.get(message, "PID.3[2]")).isEqualTo("T2");
    assertThat(Hl7Fields.get(message, "PID.5.2")).isEqualTo("Hedd");
    assertThat(Hl7Fields.get(message, "MSH.9.2")).isEqualTo("A31");
    assertThat(Hl7Fields.get(message, "MSH.1")).isEqualTo("|");
    assertThat(Hl7Fields.get(message, "MSH.2")).isEqualTo("^~\\&");
    assertThat(Hl7Fields.get(message, "MSH"))
        .isEqualTo("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.9");
  }

  @Test
  void readsComponentsOfAPrimitiveFieldReceivedWithComponents() throws Exception {
    Message message =
        parse(er7("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.5", "PID|1||T1||N||1980|F^X"));

    assertThat(Hl7Fields.get(message, "PID.8")).isEqualTo("F^X");
    assertThat(Hl7Fields.get(message, "PID.8.1")).isEqualTo("F");
    assertThat(Hl7Fields.get(message, "PID.8.1.1")).isEqualTo("F");
    assertThat(Hl7Fields.get(message, "PID.8.1.2")).isEmpty();
    assertThat(Hl7Fields.get(message, "PID.8.2")).isEqualTo("X");
  }

  @Test
  void rejectsMalformedPath() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThatThrownBy(() -> Hl7Fields.get(message, "PID-3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid HL7 path \"PID-3\"");
  }
}
