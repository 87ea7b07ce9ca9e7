package io.integrationhub.hl7.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import io.integrationhub.hl7.parse.Hl7Parser;
import org.junit.jupiter.api.Test;

class Er7EncoderTest {

  private static Segment pid(String pid) throws Exception {
    Message message =
        Hl7Parser.shared().parse("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.5\r" + pid + "\r");
    return (Segment) message.get("PID");
  }

  @Test
  void encodesASegmentWithoutTrailingEmptyFields() throws Exception {
    Segment pid = pid("PID|1||T1^^^H&1.2&ISO^MR~T2||Doe^Jo|||||||||||||||");

    assertThat(Er7Encoder.encodeSegment(pid)).isEqualTo("PID|1||T1^^^H&1.2&ISO^MR~T2||Doe^Jo");
  }

  @Test
  void countsAndReadsComponentsWithoutCreatingThem() throws Exception {
    Segment pid = pid("PID|1||T1^^^H&1.2&ISO^MR");
    Type cx = Er7Encoder.repetitions(pid, 3)[0];

    assertThat(Er7Encoder.componentCount(cx)).isGreaterThanOrEqualTo(5);
    assertThat(Er7Encoder.subcomponentCount(cx, 4)).isEqualTo(3);
    assertThat(Er7Encoder.encodeComponent(cx, 4)).isEqualTo("H&1.2&ISO");
    assertThat(Er7Encoder.encodeSubcomponent(cx, 4, 2)).isEqualTo("1.2");
    assertThat(Er7Encoder.component(cx, 99)).isNull();
    assertThat(Er7Encoder.subcomponent(cx, 99, 1)).isNull();
    assertThat(Er7Encoder.encodeComponent(cx, 99)).isEmpty();
    assertThat(Er7Encoder.encodeField(cx)).isEqualTo("T1^^^H&1.2&ISO^MR");
  }

  @Test
  void readsTheFirstPrimitiveOfACompositeAsItsValue() throws Exception {
    Type cx = Er7Encoder.repetitions(pid("PID|1||T1^^^H^MR"), 3)[0];

    assertThat(Er7Encoder.value(cx)).isEqualTo("T1");
  }

  @Test
  void hasNoRepetitionsForAbsentFields() throws Exception {
    Segment pid = pid("PID|1");

    assertThat(Er7Encoder.repetitions(pid, 3)).isEmpty();
    assertThat(Er7Encoder.repetitions(pid, 0)).isEmpty();
    assertThat(Er7Encoder.repetitions(pid, 500)).isEmpty();
  }

  @Test
  void knowsWhichSegmentsDefineDelimiters() {
    assertThat(Er7Encoder.definesDelimiters("MSH")).isTrue();
    assertThat(Er7Encoder.definesDelimiters("FHS")).isTrue();
    assertThat(Er7Encoder.definesDelimiters("BHS")).isTrue();
    assertThat(Er7Encoder.definesDelimiters("PID")).isFalse();
  }
}
