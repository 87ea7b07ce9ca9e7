package io.integrationhub.hl7.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.Message;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.parse.Hl7Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7FieldsGetAllTest {

  private static Message parse(String text) throws Exception {
    return Hl7Parser.shared().parse(text);
  }

  @Test
  void returnsEveryRepetitionOfAField() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThat(Hl7Fields.getAll(message, "PID.3"))
        .containsExactly("T3000003^^^TESTHOSP&1.2.3.4&ISO^MR", "9990000018^^^NHS^NH");
    assertThat(Hl7Fields.getAll(message, "PID.3.1")).containsExactly("T3000003", "9990000018");
    assertThat(Hl7Fields.getAll(message, "PID.3.4.1")).containsExactly("TESTHOSP", "NHS");
  }

  @Test
  void returnsOnlyTheNamedRepetition() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThat(Hl7Fields.getAll(message, "PID.3[2]")).containsExactly("9990000018^^^NHS^NH");
    assertThat(Hl7Fields.getAll(message, "PID.3[3]")).isEmpty();
  }

  @Test
  void returnsTheFieldOfEveryOccurrenceOfASegment() throws Exception {
    Message message = parse(TestMessages.V251_ORU);

    assertThat(Hl7Fields.getAll(message, "OBX.3.1")).containsExactly("CODE-A", "CODE-B", "CODE-C");
    assertThat(Hl7Fields.getAll(message, "OBX[2].5")).containsExactly("second value");
    assertThat(Hl7Fields.getAll(message, "OBX[9].5")).isEmpty();
  }

  @Test
  void returnsEveryOccurrenceOfASegmentInMessageOrder() throws Exception {
    Message message = parse(TestMessages.V24_A40);

    assertThat(Hl7Fields.getAll(message, "PID"))
        .containsExactly(
            "PID|1||T5000005^^^TESTHOSP^MR||Mergeford^Ffion",
            "PID|2||T6000006^^^TESTHOSP^MR||Joinwell^Gethin");
    assertThat(Hl7Fields.getAll(message, "MRG.1.1")).containsExactly("T5000099", "T6000099");
  }

  @Test
  void returnsNothingForAbsentSegmentsAndFields() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThat(Hl7Fields.getAll(message, "NK1.2")).isEmpty();
    assertThat(Hl7Fields.getAll(message, "PID.2")).isEmpty();
    assertThat(Hl7Fields.getAll(message, "PID.99")).isEmpty();
  }

  @Test
  void returnsTheDelimiterFieldsOnce() throws Exception {
    Message message = parse(TestMessages.V25_A31);

    assertThat(Hl7Fields.getAll(message, "MSH.1")).containsExactly("|");
    assertThat(Hl7Fields.getAll(message, "MSH.2")).containsExactly("^~\\&");
    assertThat(Hl7Fields.getAll(message, "MSH.2[2]")).isEmpty();
  }

  @Test
  void returnsAnUnmodifiableList() throws Exception {
    List<String> values = Hl7Fields.getAll(parse(TestMessages.V25_A31), "PID.3");

    assertThatThrownBy(() -> values.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void acceptsAParsedPath() throws Exception {
    Hl7Path path = Hl7Path.parse("ZPD.1.2.2");

    assertThat(Hl7Fields.getAll(parse(TestMessages.V25_A31), path)).containsExactly("z-sub");
    assertThat(Hl7Fields.get(parse(TestMessages.V25_A31), path)).isEqualTo("z-sub");
  }
}
