package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import io.integrationhub.hl7.validation.structure.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The MPI-outbound rules (spec §4.3 M1–M3): a trigger, one of A28/A31/A40, and an update source (a
 * non-blank PID-2 CX.4/HD.1 in at least one repetition).
 */
public final class MpiOutboundRules implements MessageRule {

  private static final Set<String> TRIGGERS = Set.of("A28", "A31", "A40");

  @Override
  public Optional<String> check(Er7Message message) {
    String trigger = MessageType.of(message).trigger();
    if (trigger.isEmpty()) {
      return Optional.of("MSH.9.2 MessageType is missing from the MPI outbound message");
    }
    if (!TRIGGERS.contains(trigger)) {
      return Optional.of("Unsupported message type '" + trigger + "' for MPI outbound flow");
    }
    if (MpiRoutingProperties.updateSources(message).isEmpty()) {
      return Optional.of("PID.2.4.1 UpdateSources is missing from the MPI outbound message");
    }
    return Optional.empty();
  }

  /** The assigning authority (CX.4/HD.1, trimmed) of each repetition of a CX field. */
  static List<String> assigningAuthorities(Er7Message message, Er7Segment pid, int field) {
    List<String> found = new ArrayList<>();
    for (String repetition : Fields.repetitions(message, pid.field(field))) {
      String authority =
          Fields.subcomponent(message, Fields.component(message, repetition, 4), 1).strip();
      if (!authority.isEmpty()) {
        found.add(authority);
      }
    }
    return found;
  }
}
