package io.integrationhub.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreMessageTest {

  private static final String IN =
      String.join(
          "\r",
          "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|C1|P|2.5",
          "PID|1||111^^^252^PI~222^^^NHS&1.2&ISO^NH||SMITH^ANNE||19900101   ",
          "NK1|1|A^B",
          "NK1|2|C^D");

  @Test
  void pathsParseAndPrint() {
    Hl7Path path = Hl7Path.parse("PID.3[2].4.1");

    assertThat(path).isEqualTo(new Hl7Path("PID", 1, 3, 2, 4, 1));
    assertThat(path.toString()).isEqualTo("PID.3[2].4.1");
    assertThat(Hl7Path.parse("NK1[2]").occurrence()).isEqualTo(2);
    assertThatThrownBy(() -> Hl7Path.parse("pid.3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsValuesByPathWithEmptyForAbsent() throws Exception {
    InboundMessage in = InboundMessage.parse(IN + "\r");

    assertThat(in.value("MSH.3")).isEqualTo("252");
    assertThat(in.value("MSH.9.3")).isEqualTo("ADT_A05");
    assertThat(in.value("PID.3")).isEqualTo("111^^^252^PI");
    assertThat(in.value("PID.3[2].4.2")).isEqualTo("1.2");
    assertThat(in.value("PID.7")).isEqualTo("19900101");
    assertThat(in.value("NK1[2].2.1")).isEqualTo("C");
    assertThat(in.value("PV1.2")).isEmpty();
    assertThat(in.value("PID.3[3]")).isEmpty();
    assertThat(in.repetitions("PID", 1, 3)).hasSize(2);
    assertThat(in.segmentIds()).containsExactly("MSH", "PID", "NK1", "NK1");
    assertThat(in.count("NK1")).isEqualTo(2);
  }

  @Test
  void readsOtherDelimitersAsStandardOnes() throws Exception {
    InboundMessage in = InboundMessage.parse("MSH#*~!%#252\rPID#1##111***252%X*PI");

    assertThat(in.value("PID.3")).isEqualTo("111^^^252&X^PI");
    assertThat(in.value("PID.3.4.2")).isEqualTo("X");
  }

  @Test
  void rejectsWhatIsNotHl7() {
    assertThatThrownBy(() -> InboundMessage.parse("hello"))
        .isInstanceOf(TransformException.class)
        .hasMessageStartingWith("Invalid message");
  }

  @Test
  void writesByPathKeepingFirstWriteOrderAndTrimming() {
    MessageBuilder out = new MessageBuilder();
    out.set("MSH.3", "252").set("MSH.9", "ADT^A31^ADT_A05");
    out.set("PID.5.1.1", "SMITH").set("PID.5.2", "ANNE");
    out.set("EVN.2", "20250101");
    out.set("PID.13", "^^W99999^");
    out.setRepetitions("PID", 1, 11, List.of("ADDR^^H", "", "X"));
    out.set("PD1.4", "");

    assertThat(out.encode())
        .isEqualTo(
            "MSH|^~\\&|252||||||ADT^A31^ADT_A05\rPID|||||SMITH^ANNE||||||ADDR^^H~~X||^^W99999"
                + "\rEVN||20250101");
    assertThat(out.segmentIds()).containsExactly("MSH", "PID", "EVN");
    assertThat(out.get("PID.5.1")).isEqualTo("SMITH");
  }

  @Test
  void appendsSegmentOccurrences() {
    MessageBuilder out = new MessageBuilder();
    int first = out.append("OBX");
    out.set("OBX[" + first + "].1", "1");
    int second = out.append("OBX");
    out.set("OBX[" + second + "].1", "2");

    assertThat(out.encode()).isEqualTo("OBX|1\rOBX|2");
  }

  @Test
  void mappingsReadLikeTheTables() throws Exception {
    FlowTransformer transformer =
        new FlowTransformer("TEST") {
          @Override
          protected List<Mapper> mappers() {
            return List.of(
                Mappings.copyFields("MSH", 3, 12),
                Mappings.constant("MSH.12", "2.5"),
                Mappings.copy("PID.3[2].1", "PID.3.1"),
                Mappings.when(in -> in.has("NK1"), Mappings.copy("NK1.2")),
                Mappings.convert("PID.7", "PID.7", Mappings.plain(v -> v.substring(0, 4))));
          }
        };

    Transformed result = transformer.transform(IN);

    assertThat(result.message())
        .isEqualTo(
            "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|C1|P|2.5\rPID|||222"
                + "||||1990\rNK1||A^B");
    assertThat(result.processedAuditText())
        .isEqualTo("TEST transformation applied for SENDING_APP: 252");
    assertThat(transformer.receivedAuditText())
        .isEqualTo("Message received for TEST transformation");
    assertThat(transformer.failedAuditText()).isEqualTo("TEST transformation failed");
  }
}
