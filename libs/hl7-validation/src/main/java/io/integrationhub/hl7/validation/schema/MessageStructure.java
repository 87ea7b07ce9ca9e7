package io.integrationhub.hl7.validation.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the converter needs to know about one structure of one flow: the root and group sequences,
 * which segment opens which group, and the segment definitions of the HL7 version.
 */
public final class MessageStructure {

  private final String name;
  private final Map<String, List<Particle>> sequences;
  private final Map<String, String> groupBySegment;
  private final Map<String, SegmentDefinition> segments;

  MessageStructure(
      String name,
      Map<String, List<Particle>> sequences,
      Map<String, String> groupBySegment,
      Map<String, SegmentDefinition> segments) {
    this.name = name;
    this.sequences = Map.copyOf(sequences);
    this.groupBySegment = Map.copyOf(groupBySegment);
    this.segments = segments;
  }

  /** The structure (and XML root element) name, e.g. {@code ADT_A05}. */
  public String name() {
    return name;
  }

  /** The sequence of the root or of a group element; empty for any other name. */
  public List<Particle> sequence(String element) {
    return sequences.getOrDefault(element, List.of());
  }

  /** Whether {@code element} is the root or a group. */
  public boolean isContainer(String element) {
    return sequences.containsKey(element);
  }

  /** Whether {@code segment} may appear directly in the group {@code group}. */
  public boolean allows(String group, String segment) {
    for (Particle particle : sequence(group)) {
      if (particle.name().equals(segment)) {
        return true;
      }
    }
    return false;
  }

  /** The group whose first child is {@code segment}, if any. */
  public Optional<String> groupStartedBy(String segment) {
    return Optional.ofNullable(groupBySegment.get(segment));
  }

  /** The definitions of the segments this structure's sequences name. */
  List<SegmentDefinition> segments() {
    List<SegmentDefinition> used = new ArrayList<>();
    for (List<Particle> sequence : sequences.values()) {
      for (Particle particle : sequence) {
        SegmentDefinition definition = segments.get(particle.name());
        if (definition != null && !used.contains(definition)) {
          used.add(definition);
        }
      }
    }
    return used;
  }

  /** The schema's definition of a segment, if it has one. */
  public Optional<SegmentDefinition> segment(String segment) {
    return Optional.ofNullable(segments.get(segment));
  }
}
