package io.integrationhub.transform.pims;

import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.TransformException;
import java.util.Locale;

/**
 * The PIMS trigger-event decisions (spec §5.1): the output MSH.9 from the normalised trigger, and
 * whether PD1/PV1 are mapped (exact inbound trigger {@code A04}/{@code A08}) and MRG is mapped
 * (normalised trigger {@code A40}).
 */
final class PimsTrigger {

  static final String MSH_9_2 = "MSH.9.2";

  private PimsTrigger() {}

  /** The inbound MSH.9.2 trimmed and upper-cased. */
  static String normalised(InboundMessage in) {
    return in.value(MSH_9_2).strip().toUpperCase(Locale.ROOT);
  }

  /** The inbound MSH.9.2 exactly as sent. */
  static String raw(InboundMessage in) {
    return in.value(MSH_9_2);
  }

  /**
   * The output message type and structure (MSH.9.2, MSH.9.3).
   *
   * @throws TransformException for a trigger PIMS has no mapping for (the reference would turn it
   *     into a merge, defect M3)
   */
  static String[] outputType(InboundMessage in) throws TransformException {
    return switch (normalised(in)) {
      case "A04", "A28" -> new String[] {"A28", "ADT_A05"};
      case "A08", "A31" -> new String[] {"A31", "ADT_A05"};
      case "A40" -> new String[] {"A40", "ADT_A39"};
      default ->
          throw new TransformException(
              "Unsupported trigger event in MSH.9.2: expected one of A04, A08, A28, A31, A40");
    };
  }

  /** PD1 and PV1 are produced only for an inbound trigger of exactly A04 or A08 (as sent). */
  static boolean registrationOrUpdate(InboundMessage in) {
    String raw = raw(in);
    return "A04".equals(raw) || "A08".equals(raw);
  }

  /** MRG is mapped for a merge, i.e. a normalised trigger A40. */
  static boolean merge(InboundMessage in) {
    return "A40".equals(normalised(in));
  }
}
