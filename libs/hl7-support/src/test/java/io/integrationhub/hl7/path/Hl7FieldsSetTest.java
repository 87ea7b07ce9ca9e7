package io.integrationhub.hl7.path;

import static io.integrationhub.hl7.TestMessages.er7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.Message;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.parse.Hl7Parser;
import org.junit.jupiter.api.Test;

class Hl7FieldsSetTest {

  private static final String MSH = "MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5";

  private final Hl7Parser parser = Hl7Parser.shared();

  private Message parse(String text) throws Exception {
    return parser.parse(text);
  }

  private String segment(Message message, String id) {
    return Hl7Fields.get(message, id);
  }

  @Test
  void replacesAWholeFieldRepetition() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "PID.5", "Newname^Iolo");

    assertThat(Hl7Fields.get(message, "PID.5")).isEqualTo("Newname^Iolo");
    assertThat(Hl7Fields.get(message, "PID.5.3")).isEmpty();
  }

  @Test
  void replacesAndAddsRepetitions() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "PID.3[2]", "9990000026^^^NHS^NH");
    Hl7Fields.set(message, "PID.3[4]", "T9^^^OTHER^MR");

    assertThat(Hl7Fields.getAll(message, "PID.3"))
        .containsExactly(
            "T3000003^^^TESTHOSP&1.2.3.4&ISO^MR", "9990000026^^^NHS^NH", "", "T9^^^OTHER^MR");
  }

  @Test
  void replacesAComponentKeepingTheOthers() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "PID.3[1].4", "NEWHOSP&9.9&ISO");
    Hl7Fields.set(message, "PID.5.2", "Ceri");

    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T3000003^^^NEWHOSP&9.9&ISO^MR");
    assertThat(Hl7Fields.get(message, "PID.5")).isEqualTo("Exampleton^Ceri^Dewi");
  }

  @Test
  void replacesASubcomponent() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "PID.3[1].4.2", "2.16.840");

    assertThat(Hl7Fields.get(message, "PID.3.4")).isEqualTo("TESTHOSP&2.16.840&ISO");
  }

  @Test
  void setsMsh9TriggerEvent() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "MSH.9.2", "A28");

    assertThat(Hl7Fields.get(message, "MSH.9")).isEqualTo("ADT^A28^ADT_A05");
  }

  @Test
  void setsFieldsOfNonstandardSegments() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "ZPD.1.2.2", "new-sub");
    Hl7Fields.set(message, "ZPD.4", "z-four^x");
    Hl7Fields.set(message, "XXX.1", "changed");

    assertThat(segment(message, "ZPD")).isEqualTo("ZPD|z-one^z-two&new-sub|z-three||z-four^x");
    assertThat(segment(message, "XXX")).isEqualTo("XXX|changed|unknown-2");
    assertThat(parser.encode(message))
        .contains("\rXXX|changed|unknown-2\rZPD|z-one^z-two&new-sub|z-three||z-four^x\rPV1|");
  }

  @Test
  void setsFieldsOfGroupNestedSegments() throws Exception {
    Message message = parse(TestMessages.V24_A40);

    Hl7Fields.set(message, "PID[2].5.1", "Renamed");
    Hl7Fields.set(message, "MRG[2].1.1", "T6000100");

    assertThat(Hl7Fields.get(message, "PID[2].5")).isEqualTo("Renamed^Gethin");
    assertThat(Hl7Fields.get(message, "PID[1].5")).isEqualTo("Mergeford^Ffion");
    assertThat(parser.encode(message))
        .endsWith("PID|2||T6000006^^^TESTHOSP^MR||Renamed^Gethin\rMRG|T6000100^^^TESTHOSP^MR\r");
  }

  @Test
  void setsFieldsOfUnknownVersionMessages() throws Exception {
    Message message = parse(er7(MSH.replace("|2.5", "|2.9"), "PID|1||T1"));

    Hl7Fields.set(message, "PID.3.4.2", "1.2.3");
    Hl7Fields.set(message, "PID.5", "Future^Hedd");

    assertThat(segment(message, "PID")).isEqualTo("PID|1||T1^^^&1.2.3||Future^Hedd");
  }

  @Test
  void storesEscapedValuesUnescapedAndEncodesThemForTheMessageDelimiters() throws Exception {
    Message message = parse(er7("MSH#*~\\%#A#B#C#D#2024##ADT*A31*ADT_A05#C1#P#2.5", "PID#1"));

    Hl7Fields.set(message, "PID.5", "Smith\\T\\Sons^Jo\\F\\hn");

    assertThat(Hl7Fields.get(message, "PID.5")).isEqualTo("Smith\\T\\Sons^Jo\\F\\hn");
    assertThat(parser.encode(message)).endsWith("PID#1####Smith&Sons*Jo|hn\r");
  }

  @Test
  void emptyValueClearsTheField() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, "PID.5", "");
    Hl7Fields.set(message, "PID.3[1].4", "");

    assertThat(Hl7Fields.get(message, "PID.5")).isEmpty();
    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T3000003^^^^MR");
  }

  @Test
  void createsAMissingSegmentInItsDeclaredPlace() throws Exception {
    Message message = parse(er7(MSH, "EVN|A31", "PID|1||T1", "PV1|1|N"));

    Hl7Fields.set(message, "PD1.4", "GPCODE");

    assertThat(parser.encode(message))
        .isEqualTo(er7(MSH, "EVN|A31", "PID|1||T1", "PD1||||GPCODE", "PV1|1|N"));
  }

  @Test
  void appendsAMissingUnknownSegmentAtTheEnd() throws Exception {
    Message message = parse(er7(MSH, "EVN|A31", "PID|1||T1", "PV1|1|N"));

    Hl7Fields.set(message, "ZUS.1", "added");

    assertThat(parser.encode(message))
        .isEqualTo(er7(MSH, "EVN|A31", "PID|1||T1", "PV1|1|N", "ZUS|added"));
  }

  @Test
  void createsTheNextOccurrenceOfARepeatingSegment() throws Exception {
    Message message = parse(er7(MSH, "EVN|A31", "PID|1||T1", "NK1|1|Kin^One", "PV1|1|N"));

    Hl7Fields.set(message, "NK1[2].2", "Kin^Two");

    assertThat(Hl7Fields.getAll(message, "NK1.2")).containsExactly("Kin^One", "Kin^Two");
    assertThat(parser.encode(message)).contains("NK1|1|Kin^One\rNK1||Kin^Two\rPV1");
  }

  @Test
  void refusesToSkipSegmentOccurrences() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThatThrownBy(() -> Hl7Fields.set(message, "NK1[2].2", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one after the other");
  }

  @Test
  void refusesASecondOccurrenceOfANonRepeatingSegment() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThatThrownBy(() -> Hl7Fields.set(message, "EVN[2].1", "A31"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not repeat");
  }

  @Test
  void changingMsh1ChangesTheEncodingDelimiter() throws Exception {
    Message message = parse(er7(MSH, "PID|1||T1"));

    Hl7Fields.set(message, "MSH.1", "#");

    assertThat(Hl7Fields.get(message, "MSH.1")).isEqualTo("#");
    assertThat(parser.encode(message))
        .isEqualTo(er7("MSH#^~\\&#A#B#C#D#2024##ADT^A31^ADT_A05#C1#P#2.5", "PID#1##T1"));
  }

  @Test
  void changingMsh2ChangesTheEncodingCharacters() throws Exception {
    Message message = parse(er7(MSH, "PID|1||T1^^^H^MR"));

    Hl7Fields.set(message, "MSH.2", "*~\\&");

    assertThat(parser.encode(message))
        .isEqualTo(er7("MSH|*~\\&|A|B|C|D|2024||ADT*A31*ADT_A05|C1|P|2.5", "PID|1||T1***H*MR"));
  }

  @Test
  void rejectsInvalidDelimiters() throws Exception {
    Message message = parse(er7(MSH, "PID|1"));

    assertThatThrownBy(() -> Hl7Fields.set(message, "MSH.1", "##"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "MSH.1", "^"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> Hl7Fields.set(message, "MSH.2", "^~"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "MSH.2.2", "~"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Hl7Fields.get(message, "MSH")).startsWith("MSH|^~\\&|A|");
  }

  @Test
  void rejectsDelimitersThatDoNotBelongAtThePathLevel() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.5", "a~b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delimiter");
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.5", "a|b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.5.1", "a^b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.3.4.1", "a&b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.5", "a\rPID|2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(parser.encode(message)).isEqualTo(TestMessages.V25_A31);
  }

  @Test
  void rejectsSubcomponentsInAPrimitiveField() throws Exception {
    Message message = parse(er7(MSH, "PID|1||T1||N||1980|F"));

    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.8", "F&X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primitive");
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.8.1", "F&X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.8.1.2", "X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hl7Fields.set(message, "PID.8[3]", "F&X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(parser.encode(message)).isEqualTo(er7(MSH, "PID|1||T1||N||1980|F"));
  }

  @Test
  void setsComponentsOfAPrimitiveField() throws Exception {
    Message message = parse(er7(MSH, "PID|1||T1||N||1980|F"));

    Hl7Fields.set(message, "PID.8.1", "M");
    Hl7Fields.set(message, "PID.8.2", "extra&sub");

    assertThat(Hl7Fields.get(message, "PID.8")).isEqualTo("M^extra&sub");
  }

  @Test
  void rejectsSegmentOnlyPath() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThatThrownBy(() -> Hl7Fields.set(message, "PID", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must name a field");
  }

  @Test
  void acceptsAParsedPath() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    Hl7Fields.set(message, Hl7Path.parse("PV1.2"), "I");

    assertThat(Hl7Fields.get(message, Hl7Path.parse("PV1.2"))).isEqualTo("I");
  }
}
