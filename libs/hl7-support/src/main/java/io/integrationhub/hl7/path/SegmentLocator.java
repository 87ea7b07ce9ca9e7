package io.integrationhub.hl7.path;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import io.integrationhub.hl7.encoding.MessageSegments;
import java.util.List;

/**
 * Finds segments by id anywhere in a message's structure, in message order (see {@link
 * MessageSegments}). Finding never creates anything; only {@link #findOrCreate} does.
 */
final class SegmentLocator {

  private SegmentLocator() {}

  /** Every segment with this id, in message order. */
  static List<Segment> findAll(Group root, String segmentId) {
    return MessageSegments.named(root, segmentId);
  }

  /** The {@code occurrence}-th (1-based) segment with this id, or {@code null}. */
  static Segment find(Group root, String segmentId, int occurrence) {
    return MessageSegments.nth(root, segmentId, occurrence);
  }

  /**
   * The {@code occurrence}-th segment with this id, created when it is the next one: after the last
   * existing occurrence when that position repeats; otherwise, for a first occurrence, in the first
   * place the structure declares for it, or at the end of the message as a nonstandard segment.
   *
   * @throws IllegalArgumentException when the segment cannot be created there
   */
  static Segment findOrCreate(Message message, String segmentId, int occurrence) {
    List<Segment> existing = findAll(message, segmentId);
    if (occurrence <= existing.size()) {
      return existing.get(occurrence - 1);
    }
    if (occurrence > existing.size() + 1) {
      throw new IllegalArgumentException(
          "Cannot create "
              + segmentId
              + " occurrence "
              + occurrence
              + ": the message has "
              + existing.size()
              + "; segments are created one after the other");
    }
    try {
      if (existing.isEmpty()) {
        Segment declared = createInDeclaredPlace(message, segmentId);
        if (declared != null) {
          return declared;
        }
        String name = message.addNonstandardSegment(segmentId);
        return (Segment) message.get(name);
      }
      return createAfter(existing.get(existing.size() - 1), segmentId);
    } catch (HL7Exception e) {
      throw new IllegalArgumentException(
          "Cannot create segment " + segmentId + ": " + e.getMessage(), e);
    }
  }

  private static Segment createAfter(Segment last, String segmentId) throws HL7Exception {
    Group parent = last.getParent();
    String name = nameInParent(parent, last);
    if (name == null || !parent.isRepeating(name)) {
      throw new IllegalArgumentException(
          "Cannot create another " + segmentId + ": it does not repeat at that position");
    }
    return (Segment) parent.get(name, parent.getAll(name).length);
  }

  private static Segment createInDeclaredPlace(Group group, String segmentId) throws HL7Exception {
    for (String name : group.getNames()) {
      if (group.isGroup(name)) {
        for (Structure rep : group.getAll(name)) {
          Segment created = createInDeclaredPlace((Group) rep, segmentId);
          if (created != null) {
            return created;
          }
        }
      } else if (isSlotFor(name, segmentId)) {
        return (Segment) group.get(name);
      }
    }
    return null;
  }

  /** HAPI names a second slot for the same segment in one group {@code ROL2}, and so on. */
  private static boolean isSlotFor(String structureName, String segmentId) {
    if (!structureName.startsWith(segmentId)) {
      return false;
    }
    for (int i = segmentId.length(); i < structureName.length(); i++) {
      char c = structureName.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String nameInParent(Group parent, Structure child) throws HL7Exception {
    for (String name : parent.getNames()) {
      for (Structure rep : parent.getAll(name)) {
        if (rep == child) {
          return name;
        }
      }
    }
    return null;
  }
}
