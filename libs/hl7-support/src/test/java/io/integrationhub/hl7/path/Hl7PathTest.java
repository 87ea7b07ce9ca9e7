package io.integrationhub.hl7.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7PathTest {

  @ParameterizedTest
  @CsvSource({
    "PID,             PID, 0, 0, 0, 0, 0",
    "PID.3,           PID, 0, 3, 0, 0, 0",
    "PID.3[2],        PID, 0, 3, 2, 0, 0",
    "PID.3[1].4,      PID, 0, 3, 1, 4, 0",
    "PID.3[1].4.1,    PID, 0, 3, 1, 4, 1",
    "PID.5.1,         PID, 0, 5, 0, 1, 0",
    "OBX[2].5,        OBX, 2, 5, 0, 0, 0",
    "MSH.9.2,         MSH, 0, 9, 0, 2, 0",
    "ZU1[12].345[6].7.8, ZU1, 12, 345, 6, 7, 8"
  })
  void parsesEveryPart(
      String text, String segment, int segRep, int field, int fieldRep, int comp, int sub) {
    Hl7Path path = Hl7Path.parse(text);

    assertThat(path.segment()).isEqualTo(segment);
    assertThat(path.segmentRepetition()).isEqualTo(segRep);
    assertThat(path.field()).isEqualTo(field);
    assertThat(path.fieldRepetition()).isEqualTo(fieldRep);
    assertThat(path.component()).isEqualTo(comp);
    assertThat(path.subcomponent()).isEqualTo(sub);
    assertThat(path.toString()).isEqualTo(text);
    assertThat(Hl7Path.parse(path.toString())).isEqualTo(path);
  }

  @Test
  void hasFieldOnlyWhenAFieldIsNamed() {
    assertThat(Hl7Path.parse("PID").hasField()).isFalse();
    assertThat(Hl7Path.parse("PID.1").hasField()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "PI",
        "pid.3",
        "PID-3",
        "PID.",
        "PID.0",
        "PID.03",
        "PID.3[0]",
        "PID[0].3",
        "PID.3[1",
        "PID.3[]",
        "PID.3.",
        "PID.3.4.5.6",
        "PID.3 ",
        " PID.3",
        "PID.123456",
        "PID[x].3",
        "1ID.3"
      })
  void rejectsMalformedPathsWithAClearMessage(String text) {
    assertThatThrownBy(() -> Hl7Path.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid HL7 path \"" + text + "\": ")
        .hasMessageContaining("e.g. PID.3[1].4.1");
  }

  @Test
  void constructorRejectsInconsistentParts() {
    assertThatThrownBy(() -> new Hl7Path("PID", 0, 0, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a field");
    assertThatThrownBy(() -> new Hl7Path("PID", 0, 3, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a component");
    assertThatThrownBy(() -> new Hl7Path("PID", -1, 3, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-based");
    assertThatThrownBy(() -> new Hl7Path("Pid", 0, 3, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upper case");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Hl7Path.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
