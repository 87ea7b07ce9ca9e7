package io.integrationhub.hl7.validation.er7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Er7MessageTest {

  @Test
  void splitsSegmentsAndFieldsNumberingMshAsHl7Does() throws Exception {
    Er7Message message = Er7Message.parse("MSH|^~\\&|APP|FAC\rPID|1||123^^^252^PI\rPV1||U");

    assertThat(message.segments())
        .extracting(Er7Segment::name)
        .containsExactly("MSH", "PID", "PV1");
    Er7Segment msh = message.header();
    assertThat(msh.field(1)).isEqualTo("|");
    assertThat(msh.field(2)).isEqualTo("^~\\&");
    assertThat(msh.field(3)).isEqualTo("APP");
    assertThat(msh.field(4)).isEqualTo("FAC");
    assertThat(msh.field(5)).isEmpty();
    Er7Segment pid = message.segments().get(1);
    assertThat(pid.position()).isEqualTo(2);
    assertThat(pid.field(1)).isEqualTo("1");
    assertThat(pid.field(2)).isEmpty();
    assertThat(pid.field(3)).isEqualTo("123^^^252^PI");
    assertThat(pid.fieldCount()).isEqualTo(3);
  }

  @Test
  void usesTheMessagesOwnDelimiters() throws Exception {
    Er7Message message = Er7Message.parse("MSH#*~!%#APP\rPID#1##123*X");

    assertThat(message.delimiters().field()).isEqualTo('#');
    assertThat(message.delimiters().component()).isEqualTo('*');
    assertThat(message.delimiters().subcomponent()).isEqualTo('%');
    assertThat(message.segments().get(1).field(3)).isEqualTo("123*X");
  }

  @Test
  void acceptsCrLfAndOneTrailingTerminator() throws Exception {
    assertThat(Er7Message.parse("MSH|^~\\&|A\r\nPID|1\r\n").segments()).hasSize(2);
    assertThat(Er7Message.parse("MSH|^~\\&|A\rPID|1\r").segments()).hasSize(2);
  }

  @Test
  void keepsEmptyTrailingFieldsAndSegmentsWithoutFields() throws Exception {
    Er7Message message = Er7Message.parse("MSH|^~\\&|A||\rPV1\rPD1|");

    assertThat(message.header().fieldCount()).isEqualTo(5);
    assertThat(message.segments().get(1).fieldCount()).isZero();
    assertThat(message.segments().get(2).fieldCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "PID|1",
        "MSH",
        "MSHA^~\\&|X",
        "MSH|^~|X",
        "MSH|^^\\&|X",
        "MSH|^~\\&|A\nPID|1",
        "MSH|^~\\&|A\r\rPID|1",
        "\rMSH|^~\\&|A",
        "MSH|^~\\&|A\rP|1",
        "MSH|^~\\&|A\rpid|1",
        "MSH|^~\\&|A\rPIDX|1",
        "MSH|^~\\&|A\r1ID|1",
      })
  void rejectsWhatIsNotEr7(String text) {
    assertThatThrownBy(() -> Er7Message.parse(text)).isInstanceOf(Er7FormatException.class);
  }

  @Test
  void errorsNameThePositionNotTheContent() {
    assertThatThrownBy(() -> Er7Message.parse("MSH|^~\\&|A\rPID|SECRET\nPV1|1"))
        .hasMessage("Segment 2 ends with LF: segments must be separated by CR");
    assertThatThrownBy(() -> Er7Message.parse("MSH|^~\\&|A\rPID|SECRET\r\rPV1"))
        .hasMessage("Segment 3 is empty (two CRs in a row)");
    assertThatThrownBy(() -> Er7Message.parse("MSH|^~\\&|A\rsecret|x"))
        .hasMessage("Segment 2 does not start with a three-character segment id");
  }

  @Test
  void splitKeepsEmptyPieces() {
    assertThat(Er7Message.split("a^^b^", '^')).containsExactly("a", "", "b", "");
    assertThat(Er7Message.split("", '^')).isEqualTo(List.of(""));
  }
}
