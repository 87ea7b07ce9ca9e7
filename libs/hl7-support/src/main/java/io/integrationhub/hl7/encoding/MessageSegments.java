package io.integrationhub.hl7.encoding;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The segments of a HAPI message in message order: depth first through groups and their
 * repetitions, the order HAPI encodes them in, including segments HAPI added as nonstandard
 * (Z-segments, unknown segments, segments found out of place). Only existing segments are visited;
 * nothing is created.
 */
public final class MessageSegments {

  private MessageSegments() {}

  /** Every segment, in message order. */
  public static List<Segment> all(Group root) {
    Objects.requireNonNull(root, "root");
    List<Segment> found = new ArrayList<>();
    collect(root, null, found, Integer.MAX_VALUE);
    return found;
  }

  /** Every segment with this id (e.g. {@code OBX}), in message order. */
  public static List<Segment> named(Group root, String segmentId) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(segmentId, "segmentId");
    List<Segment> found = new ArrayList<>();
    collect(root, segmentId, found, Integer.MAX_VALUE);
    return found;
  }

  /** The {@code occurrence}-th (1-based) segment with this id, or {@code null}. */
  public static Segment nth(Group root, String segmentId, int occurrence) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(segmentId, "segmentId");
    if (occurrence < 1) {
      return null;
    }
    List<Segment> found = new ArrayList<>(occurrence);
    collect(root, segmentId, found, occurrence);
    return found.size() >= occurrence ? found.get(occurrence - 1) : null;
  }

  private static boolean collect(Group group, String segmentId, List<Segment> found, int limit) {
    for (String name : group.getNames()) {
      Structure[] reps;
      try {
        reps = group.getAll(name);
      } catch (HL7Exception e) {
        throw new IllegalStateException("HAPI refused a name it listed: " + name, e);
      }
      for (Structure rep : reps) {
        if (rep instanceof Segment segment) {
          if (segmentId == null || segmentId.equals(segment.getName())) {
            found.add(segment);
            if (found.size() >= limit) {
              return true;
            }
          }
        } else if (rep instanceof Group child && collect(child, segmentId, found, limit)) {
          return true;
        }
      }
    }
    return false;
  }
}
