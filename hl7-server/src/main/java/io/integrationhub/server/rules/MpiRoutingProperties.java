package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import io.integrationhub.hl7.validation.structure.MessageType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application properties the MPI-outbound flow adds for topic subscription filters (spec §6.2):
 * MessageType, UpdateSources, AssigningAuthorities, DateDeath, ReasonDeath. Lists are wrapped in
 * pipes ({@code |108|252|}) so a filter {@code LIKE '%|108|%'} never matches part of a code.
 */
public final class MpiRoutingProperties {

  private MpiRoutingProperties() {}

  /** The five properties; empty strings when the message has no value. */
  public static Map<String, String> of(Er7Message message) {
    Optional<Er7Segment> pid = Fields.first(message, "PID");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("MessageType", MessageType.of(message).trigger());
    properties.put("UpdateSources", piped(updateSources(message)));
    properties.put(
        "AssigningAuthorities",
        piped(
            pid.map(p -> MpiOutboundRules.assigningAuthorities(message, p, 3)).orElse(List.of())));
    properties.put(
        "DateDeath",
        pid.map(p -> Fields.component(message, Fields.repetitions(message, p.field(29)).get(0), 1))
            .orElse(""));
    properties.put("ReasonDeath", pid.map(p -> p.field(30)).orElse(""));
    return properties;
  }

  /** The distinct update sources (PID-2 CX.4/HD.1) in first-seen order. */
  static List<String> updateSources(Er7Message message) {
    return Fields.first(message, "PID")
        .map(pid -> MpiOutboundRules.assigningAuthorities(message, pid, 2))
        .map(list -> List.copyOf(new LinkedHashSet<>(list)))
        .orElse(List.of());
  }

  private static String piped(List<String> values) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
    return distinct.isEmpty() ? "" : "|" + String.join("|", distinct) + "|";
  }
}
