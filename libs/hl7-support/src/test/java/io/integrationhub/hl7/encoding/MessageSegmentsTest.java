package io.integrationhub.hl7.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.parse.Hl7Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSegmentsTest {

  @Test
  void listsEverySegmentInMessageOrderThroughGroups() throws Exception {
    Message message = Hl7Parser.shared().parse(TestMessages.V24_A40);

    List<String> names = MessageSegments.all(message).stream().map(Segment::getName).toList();

    assertThat(names).containsExactly("MSH", "EVN", "PID", "MRG", "PID", "MRG");
  }

  @Test
  void findsSegmentsByIdIncludingNonstandardOnes() throws Exception {
    Message message = Hl7Parser.shared().parse(TestMessages.V25_A31);

    assertThat(MessageSegments.named(message, "ZPD")).hasSize(1);
    assertThat(MessageSegments.named(message, "XXX")).hasSize(1);
    assertThat(MessageSegments.named(message, "NK1")).isEmpty();
  }

  @Test
  void findsTheNthOccurrence() throws Exception {
    Message message = Hl7Parser.shared().parse(TestMessages.V251_ORU);

    assertThat(Er7Encoder.encodeSegment(MessageSegments.nth(message, "OBX", 3)))
        .isEqualTo("OBX|1|ST|CODE-C||third value");
    assertThat(MessageSegments.nth(message, "OBX", 4)).isNull();
    assertThat(MessageSegments.nth(message, "OBX", 0)).isNull();
  }
}
