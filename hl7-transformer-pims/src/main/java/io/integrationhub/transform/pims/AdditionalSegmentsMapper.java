package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;
import java.util.List;

/** Spec §5.9: the first occurrence of each of these segments, copied verbatim, in this order. */
final class AdditionalSegmentsMapper implements Mapper {

  static final List<String> SEGMENTS =
      List.of("PV2", "OBX", "AL1", "DG1", "PR1", "GT1", "IN1", "IN2", "IN3");

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    for (String segment : SEGMENTS) {
      for (int field = 1; field <= in.fieldCount(segment, 1); field++) {
        out.setRepetitions(segment, 1, field, in.repetitions(segment, 1, field));
      }
    }
  }
}
