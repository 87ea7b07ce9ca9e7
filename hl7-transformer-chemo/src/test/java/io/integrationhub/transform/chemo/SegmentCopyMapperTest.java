package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.map;
import static io.integrationhub.transform.chemo.Messages.message;
import static io.integrationhub.transform.chemo.Messages.msh;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.TransformException;
import org.junit.jupiter.api.Test;

class SegmentCopyMapperTest {

  @Test
  void copiesEvnVerbatim() throws TransformException {
    assertThat(map(new SegmentCopyMapper("EVN"), message(msh("192"), "EVN|Sub|20240102030405")))
        .isEqualTo("EVN|Sub|20240102030405");
  }

  @Test
  void keepsRepetitionsSubcomponentsAndLeadingZeros() throws TransformException {
    String pv1 = "PV1|001|U|W1^B2&X^3~^^4||||C1^DOC~C2^DOC2|||\"\"";

    assertThat(map(new SegmentCopyMapper("PV1"), message(msh("192"), pv1))).isEqualTo(pv1);
  }

  @Test
  void copiesOnlyTheFirstOccurrence() throws TransformException {
    assertThat(map(new SegmentCopyMapper("OBX"), message(msh("192"), "OBX|1|ST", "OBX|2|NM")))
        .isEqualTo("OBX|1|ST");
  }

  @Test
  void absentOrValuelessSegmentGivesNothing() throws TransformException {
    assertThat(map(new SegmentCopyMapper("PV1"), msh("192"))).isEmpty();
    assertThat(map(new SegmentCopyMapper("PV1"), message(msh("192"), "PV1|||"))).isEmpty();
  }
}
