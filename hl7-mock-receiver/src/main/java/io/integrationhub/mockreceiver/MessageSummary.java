package io.integrationhub.mockreceiver;

import io.integrationhub.hl7.parse.MessageHeader;
import java.util.StringJoiner;

/**
 * A log line about a received message that carries no patient data: header routing fields, control
 * id, size and the segment ids only.
 */
final class MessageSummary {
  private static final int MAX_SEGMENTS_LISTED = 20;

  private MessageSummary() {}

  static String of(String message, PlannedReply reply, int bytes) {
    String type = reply.header().map(MessageHeader::messageType).orElse("(not HL7)");
    String controlId = reply.header().map(MessageHeader::controlId).orElse("");
    return "type="
        + type
        + " controlId="
        + controlId
        + " bytes="
        + bytes
        + " segments="
        + segmentIds(message)
        + " reply="
        + reply.action();
  }

  static String segmentIds(String message) {
    StringJoiner ids = new StringJoiner(",", "[", "]");
    int listed = 0;
    for (String segment : message.split("[\r\n]+")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (listed++ == MAX_SEGMENTS_LISTED) {
        ids.add("...");
        break;
      }
      String id = segment.length() >= 3 ? segment.substring(0, 3) : segment;
      ids.add(id.chars().allMatch(Character::isLetterOrDigit) ? id : "?");
    }
    return ids.toString();
  }
}
