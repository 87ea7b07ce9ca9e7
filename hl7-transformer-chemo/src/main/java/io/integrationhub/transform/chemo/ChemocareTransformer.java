package io.integrationhub.transform.chemo;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.Mapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chemocare → MPI transformation (spec {@code transformers.md} §4): Chemocare HL7 2.4 {@code
 * ADT^A28} / {@code ADT^A31} messages become HL7 2.5 {@code ADT_A05} messages for MPI. Segment
 * order is fixed by the mapper order: {@code MSH, EVN, PID, PD1, NK1, PV1, PV2, OBX, AL1, DG1, PR1,
 * GT1, IN1, IN2, IN3}; everything else is dropped. Audit texts are the defaults (§2.4).
 */
public final class ChemocareTransformer extends FlowTransformer {

  /** The name used in audit texts. */
  public static final String NAME = "Chemocare";

  /** Segments (after NK1) whose first occurrence is copied verbatim, in output order (§4.1). */
  static final List<String> VERBATIM_SEGMENTS =
      List.of("PV1", "PV2", "OBX", "AL1", "DG1", "PR1", "GT1", "IN1", "IN2", "IN3");

  /** Creates the transformer. */
  public ChemocareTransformer() {
    super(NAME);
  }

  @Override
  protected List<Mapper> mappers() {
    List<Mapper> mappers = new ArrayList<>();
    mappers.add(new MshMapper());
    mappers.add(new SegmentCopyMapper("EVN"));
    mappers.add(new PidMapper());
    mappers.add(new Pd1Mapper());
    mappers.add(new Nk1Mapper());
    for (String segment : VERBATIM_SEGMENTS) {
      mappers.add(new SegmentCopyMapper(segment));
    }
    return List.copyOf(mappers);
  }
}
