package io.integrationhub.transform.phw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict MSH.7 rule and the date-of-death rule, on their own. */
class PhwDateTimesTest {

  @Test
  void convertsDashedFormatAndKeepsCompactOne() throws TransformException {
    assertThat(PhwDateTimes.messageDateTime("2031-07-08 09:10:11")).isEqualTo("20310708091011");
    assertThat(PhwDateTimes.messageDateTime("20310708091011")).isEqualTo("20310708091011");
    assertThat(PhwDateTimes.messageDateTime("2028-02-29 00:00:00")).isEqualTo("20280229000000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " 2031-07-08 09:10:11",
        "2031-07-08 09:10:11 ",
        "20310708091011+0100",
        "20310708",
        "203107080910",
        "2031-7-8 9:10:11",
        "20310230101010",
        "20311308091011",
        "20310708250000",
        "2031-07-08 24:00:00",
        "2031-07-08T09:10:11",
        "2031-07-08 09:10:11.5",
        "２０３１０７０８０９１０１１"
      })
  void rejectsAnythingElse(String value) {
    assertThatThrownBy(() -> PhwDateTimes.messageDateTime(value))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("MSH.7");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> PhwDateTimes.messageDateTime(null))
        .isInstanceOf(TransformException.class);
  }

  @Test
  void dateOfDeathRule() {
    assertThat(PhwDateTimes.dateOfDeath(" ReSuRrEc\t")).isEqualTo("\"\"");
    assertThat(PhwDateTimes.dateOfDeath(" 20291231 ")).isEqualTo("20291231");
    assertThat(PhwDateTimes.dateOfDeath("\"\"")).isEqualTo("\"\"");
    assertThat(PhwDateTimes.dateOfDeath(" ")).isEmpty();
    assertThat(PhwDateTimes.dateOfDeath(null)).isEmpty();
  }
}
