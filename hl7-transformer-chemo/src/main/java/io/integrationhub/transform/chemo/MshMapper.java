package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.Mappings.constant;
import static io.integrationhub.transform.Mappings.copy;
import static io.integrationhub.transform.Mappings.copyFields;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.Mappings;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.util.List;
import java.util.Set;

/**
 * MSH (spec §4.2). MSH.1/MSH.2 are the standard delimiters; MSH.3–6 keep HD.1 only; MSH.7.1, MSH.8,
 * MSH.9.1/.2, MSH.10 and MSH.11 (whole fields) are copied; MSH.9.3 is {@code ADT_A05}; MSH.12.1 is
 * {@code 2.5}; MSH.13–21 are copied with every repetition.
 *
 * <p>Deliberate differences from the reference (§4.7, §6): an empty MSH.7 is rejected instead of
 * being replaced by the transformer's clock time; an empty MSH.10 or MSH.11 is rejected with a
 * clear reason instead of crashing; a message type that is not an {@code ADT_A05} trigger (A05,
 * A14, A28, A31), in particular the A40 merge, is rejected instead of being relabelled {@code
 * ADT_A05} with its MRG dropped.
 */
public final class MshMapper implements Mapper {

  /** Trigger events whose HL7 2.5 message structure is ADT_A05. */
  static final Set<String> ADT_A05_TRIGGERS = Set.of("A05", "A14", "A28", "A31");

  private static final Mapper DIRECT =
      Mappings.all(
          List.of(
              copy("MSH.3.1"),
              copy("MSH.4.1"),
              copy("MSH.5.1"),
              copy("MSH.6.1"),
              copy("MSH.7.1"),
              copy("MSH.8"),
              copy("MSH.9.1"),
              copy("MSH.9.2"),
              constant("MSH.9.3", "ADT_A05"),
              copy("MSH.10"),
              copy("MSH.11"),
              constant("MSH.12.1", "2.5"),
              copyFields("MSH", 13, 21)));

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    require(in, "MSH.7.1", "MSH.7 (date/time of message)");
    require(in, "MSH.10", "MSH.10 (message control ID)");
    require(in, "MSH.11", "MSH.11 (processing ID)");
    if (!"ADT".equals(in.value("MSH.9.1")) || !ADT_A05_TRIGGERS.contains(in.value("MSH.9.2"))) {
      throw new TransformException(
          "MSH.9 (message type) is not an ADT_A05 event (ADT A05/A14/A28/A31); Chemocare has no"
              + " mapping for other events such as the A40 merge");
    }
    DIRECT.map(in, out, audit);
  }

  private static void require(InboundMessage in, String path, String field)
      throws TransformException {
    if (Values.isBlankOrNull(in.value(path))) {
      throw new TransformException(field + " is empty or null; it is required by MPI");
    }
  }
}
