package io.integrationhub.transform.chemo;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;

/**
 * Copies the first occurrence of a segment verbatim: every field, every repetition, as text (no
 * numeric re-serialisation, so leading zeros such as {@code PV1|001} are kept; spec §2.6). A
 * segment with no value produces nothing.
 */
public final class SegmentCopyMapper implements Mapper {

  private final String segment;

  /** A mapper copying the first {@code segment}. */
  public SegmentCopyMapper(String segment) {
    this.segment = segment;
  }

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    int fields = in.fieldCount(segment, 1);
    for (int field = 1; field <= fields; field++) {
      out.setRepetitions(segment, 1, field, in.repetitions(segment, 1, field));
    }
  }
}
