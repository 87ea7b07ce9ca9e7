package io.integrationhub.transform.phw;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.Mappings;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PHW flow (spec §3): a near-passthrough that reformats MSH.7 and maps {@code RESURREC} in
 * PID.29 to the HL7 explicit null. Output segment order: MSH, the first EVN, the first PID, then
 * every other inbound segment in inbound order (Z-segments and A40's MRG included; further EVN/PID
 * occurrences dropped). Stateless and thread-safe.
 */
public final class PhwTransformer extends FlowTransformer {

  /** Last MSH field that is copied; MSH.22 and later are dropped (spec §3.2). */
  static final int MSH_LAST_FIELD = 21;

  /** Last PID field that is copied (spec §3.4). */
  static final int PID_LAST_FIELD = 39;

  private static final String FRAGMENTS_PREFIX = "HL7 transformations applied: ";

  /** Segments with their own mapper; every other segment goes through the generic copy. */
  private static final Set<String> SPECIFIC = Set.of("MSH", "EVN", "PID");

  private final List<Mapper> mappers =
      List.of(
          PhwTransformer::mapMsh,
          PhwTransformer::mapEvn,
          PhwTransformer::mapPid,
          PhwTransformer::mapOtherSegments);

  /** The PHW transformer. */
  public PhwTransformer() {
    super("PHW");
  }

  @Override
  protected List<Mapper> mappers() {
    return mappers;
  }

  /**
   * MSH (spec §3.2): MSH.3–6 and MSH.8–21 with all repetitions, MSH.7 from MSH.7.1 through {@link
   * PhwDateTimes#messageDateTime} (TS.2 dropped). An empty MSH.7 fails the message (quirk P5:
   * decided to fail rather than stamp the transformer's clock).
   */
  static void mapMsh(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    Mappings.copyFields("MSH", 3, 6).map(in, out, audit);
    String raw = in.value("MSH.7.1");
    if (raw.isEmpty()) {
      throw new TransformException("MSH.7 (message date/time) is empty");
    }
    String converted = PhwDateTimes.messageDateTime(raw);
    out.set("MSH.7", converted);
    audit.add("DateTime transformed from " + raw + " to " + converted);
    Mappings.copyFields("MSH", 8, MSH_LAST_FIELD).map(in, out, audit);
  }

  /** EVN (spec §3.1): the first inbound EVN, every field verbatim (no date conversion). */
  static void mapEvn(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    int fields = in.fieldCount("EVN", 1);
    if (fields > 0) {
      Mappings.copyFields("EVN", 1, fields).map(in, out, audit);
    }
  }

  /**
   * PID (spec §3.4): the first inbound PID; PID.1–28 and PID.30–39 with all repetitions, PID.29
   * from PID.29.1 through {@link PhwDateTimes#dateOfDeath} (TS.2 dropped; not written when empty).
   */
  static void mapPid(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    if (!in.has("PID")) {
      return;
    }
    Mappings.copyFields("PID", 1, 28).map(in, out, audit);
    String raw = in.value("PID.29.1");
    String dateOfDeath = PhwDateTimes.dateOfDeath(raw);
    if (!dateOfDeath.isEmpty()) {
      out.set("PID.29", dateOfDeath);
      audit.add("Date of death transformed from " + raw + " to " + dateOfDeath);
    }
    Mappings.copyFields("PID", 30, PID_LAST_FIELD).map(in, out, audit);
  }

  /**
   * Every other inbound segment (spec §3.5), in inbound order, each field copied once with all its
   * repetitions (fixes defect P1); segments outside the ADT_A05 structure are kept (P3) and groups
   * play no part (P2). Additional MSH/EVN/PID occurrences are dropped.
   */
  static void mapOtherSegments(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    Map<String, Integer> seen = new HashMap<>();
    for (String id : in.segmentIds()) {
      if (SPECIFIC.contains(id)) {
        continue;
      }
      int inbound = seen.merge(id, 1, Integer::sum);
      int outbound = out.append(id);
      int fields = in.fieldCount(id, inbound);
      for (int field = 1; field <= fields; field++) {
        out.setRepetitions(id, outbound, field, in.repetitions(id, inbound, field));
      }
    }
  }

  /**
   * Spec §3.7: {@code HL7 transformations applied: } and the fragments joined with {@code ; } when
   * MSH.7 or a date of death was transformed, otherwise the default text naming MSH.3.1.
   */
  @Override
  protected String processedAuditText(InboundMessage in, AuditTrail audit) {
    List<String> fragments = audit.fragments();
    if (fragments.isEmpty()) {
      return super.processedAuditText(in, audit);
    }
    return FRAGMENTS_PREFIX + String.join("; ", fragments);
  }
}
