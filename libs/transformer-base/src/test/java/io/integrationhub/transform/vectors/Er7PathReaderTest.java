package io.integrationhub.transform.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Er7PathReaderTest {

  private static final String MESSAGE =
      String.join(
              "\r",
              "MSH|^~\\&|APP1~APP2|FAC|RCV||20250101120000||ADT^A31^ADT_A05|42|P|2.5^GBR|||||",
              "EVN|Sub|20250624161510||",
              "PID|||8888888^^^252^PI~4444444444^^^NHS&X&&^NH^^||TEST^TEST^^^Mr.^^||||||||~07123456789|",
              "NK1|1|FIRST",
              "NK1|2|SECOND^^",
              "")
          + "\r";

  private final Er7PathReader reader = Er7PathReader.of(MESSAGE);

  @Test
  void mshOneAndTwoAreTheDelimitersAndMshThreeIsTheSendingApplication() {
    assertThat(reader.read("MSH.1")).isEqualTo("|");
    assertThat(reader.read("MSH.2")).isEqualTo("^~\\&");
    assertThat(reader.read("MSH.3")).isEqualTo("APP1");
    assertThat(reader.read("MSH.3[2]")).isEqualTo("APP2");
    assertThat(reader.read("MSH.9.3")).isEqualTo("ADT_A05");
    assertThat(reader.read("MSH.12.1")).isEqualTo("2.5");
    assertThat(reader.count("MSH.1")).isEqualTo(1);
    assertThat(reader.count("MSH.2")).isEqualTo(1);
    assertThat(reader.count("MSH.3")).isEqualTo(2);
  }

  @Test
  void bareSegmentIsTheWholeTextWithTrailingEmptyFieldsTrimmed() {
    assertThat(reader.read("EVN")).isEqualTo("EVN|Sub|20250624161510");
    assertThat(reader.read("MSH"))
        .isEqualTo("MSH|^~\\&|APP1~APP2|FAC|RCV||20250101120000||ADT^A31^ADT_A05|42|P|2.5^GBR");
    assertThat(reader.read("NK1")).isEqualTo("NK1|1|FIRST");
    assertThat(reader.read("NK1[2]")).isEqualTo("NK1|2|SECOND");
    assertThat(reader.read("NK1[3]")).isEmpty();
    assertThat(reader.isPresent("NK1[2]")).isTrue();
    assertThat(reader.isPresent("NK1[3]")).isFalse();
  }

  @Test
  void fieldReadsFirstRepetitionWithTrailingEmptyComponentsTrimmed() {
    assertThat(reader.read("PID.5")).isEqualTo("TEST^TEST^^^Mr.");
    assertThat(reader.read("PID.3")).isEqualTo("8888888^^^252^PI");
    assertThat(reader.read("PID.3[1]")).isEqualTo("8888888^^^252^PI");
    assertThat(reader.read("PID.3[2]")).isEqualTo("4444444444^^^NHS&X^NH");
    assertThat(reader.read("PID.3[3]")).isEmpty();
  }

  @Test
  void componentsAndSubcomponents() {
    assertThat(reader.read("PID.3[2].1")).isEqualTo("4444444444");
    assertThat(reader.read("PID.3[2].4")).isEqualTo("NHS&X");
    assertThat(reader.read("PID.3[2].4.1")).isEqualTo("NHS");
    assertThat(reader.read("PID.3[2].4.2")).isEqualTo("X");
    assertThat(reader.read("PID.3[2].4.3")).isEmpty();
    assertThat(reader.read("PID.3.4.1")).isEqualTo("252");
    assertThat(reader.read("PID.5.2")).isEqualTo("TEST");
    assertThat(reader.read("PID.5.3")).isEmpty();
    assertThat(reader.read("PID.5.99")).isEmpty();
  }

  @Test
  void emptyRepetitionsAreKeptAndCounted() {
    assertThat(reader.read("PID.13")).isEmpty();
    assertThat(reader.read("PID.13[2]")).isEqualTo("07123456789");
    assertThat(reader.count("PID.13")).isEqualTo(2);
    assertThat(reader.count("PID.3")).isEqualTo(2);
    assertThat(reader.count("PID.5")).isEqualTo(1);
    assertThat(reader.count("PID.2")).isZero();
    assertThat(reader.count("PID.40")).isZero();
  }

  @Test
  void missingSegmentReadsEmptyAndCountsZero() {
    assertThat(reader.read("PV1")).isEmpty();
    assertThat(reader.read("PV1.2")).isEmpty();
    assertThat(reader.read("PV1.2.1.1")).isEmpty();
    assertThat(reader.count("PV1")).isZero();
    assertThat(reader.count("PV1.2")).isZero();
    assertThat(reader.isPresent("PV1")).isFalse();
  }

  @Test
  void segmentCountsAndIds() {
    assertThat(reader.count("NK1")).isEqualTo(2);
    assertThat(reader.count("MSH")).isEqualTo(1);
    assertThat(reader.count("NK1[2].2")).isEqualTo(1);
    assertThat(reader.segmentIds()).containsExactly("MSH", "EVN", "PID", "NK1", "NK1");
  }

  @Test
  void usesTheMessagesOwnDelimiters() {
    Er7PathReader custom = Er7PathReader.of("MSH#*@/%#APP\nPID#1#A*B%C*#X@Y\n");
    assertThat(custom.delimiters())
        .isEqualTo(new Er7PathReader.Delimiters('#', '*', '@', '/', '%'));
    assertThat(custom.read("MSH.1")).isEqualTo("#");
    assertThat(custom.read("MSH.2")).isEqualTo("*@/%");
    assertThat(custom.read("MSH.3")).isEqualTo("APP");
    assertThat(custom.read("PID.2")).isEqualTo("A*B%C");
    assertThat(custom.read("PID.2.2.2")).isEqualTo("C");
    assertThat(custom.read("PID.3[2]")).isEqualTo("Y");
    assertThat(custom.count("PID.3")).isEqualTo(2);
    assertThat(custom.read("PID")).isEqualTo("PID#1#A*B%C#X@Y");
  }

  @Test
  void explicitNullIsAValue() {
    Er7PathReader nulls = Er7PathReader.of("MSH|^~\\&|A\rPID|1|\"\"|X^\"\"^^");
    assertThat(nulls.read("PID.2")).isEqualTo("\"\"");
    assertThat(nulls.read("PID.3")).isEqualTo("X^\"\"");
    assertThat(nulls.count("PID.2")).isEqualTo(1);
  }

  @Test
  void invalidPathIsRejected() {
    assertThatThrownBy(() -> reader.read("pid.3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reader.read("PID.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reader.count("PID.3[1]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pathsRoundTrip() {
    for (String path : new String[] {"PID", "NK1[2]", "PID.5", "PID.3[2].4.1", "MSH.9.3"}) {
      assertThat(Er7Path.of(path)).hasToString(path);
    }
    assertThat(Er7Path.of("PID.3[2].4.1")).isEqualTo(new Er7Path("PID", 1, 3, 2, 4, 1));
  }
}
