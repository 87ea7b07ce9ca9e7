package io.integrationhub.server;

import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fictional inbound messages and small helpers shared by the socket-level tests of this package.
 * Every name and identifier here is invented (ZZTEST…, 999… NHS-like numbers).
 */
final class InboundTestMessages {

  static final byte SB = 0x0B;
  static final byte EB = 0x1C;
  static final byte CR = 0x0D;

  private InboundTestMessages() {}

  /** The segments of a PHW ADT^A31 that the PHW server accepts (version 2.5, MSH-3 252). */
  static List<String> phwSegments(String controlId) {
    return List.of(
        "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|" + controlId + "|T|2.5",
        "EVN||20250502092900",
        "PID|||8888888^^^252^PI~9990000001^^^NHS^NH||ZZTESTSURNAME^ZZTESTFORENAME^^^MR||19900101|F",
        "PD1|||SURGERY^^W00000",
        "PV1||U");
  }

  /** A valid PHW ADT^A31, segments separated by CR, no trailing CR. */
  static String phwA31(String controlId) {
    return String.join("\r", phwSegments(controlId));
  }

  /** {@code SB + bytes + EB + CR}. */
  static byte[] frame(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 3);
    out.write(SB);
    out.writeBytes(payload);
    out.write(EB);
    out.write(CR);
    return out.toByteArray();
  }

  /** {@code SB + UTF-8 text + EB + CR}. */
  static byte[] frame(String text) {
    return frame(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Several byte arrays joined. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** MSA-{@code field} of an ACK ("" when there is no MSA segment or no such field). */
  static String msa(String ack, int field) {
    for (String segment : ack.split("\r")) {
      if (segment.startsWith("MSA|")) {
        String[] fields = segment.split("\\|", -1);
        return field < fields.length ? fields[field] : "";
      }
    }
    return "";
  }

  /** The events of one type in a list of events. */
  static List<Event> ofType(List<Event> events, EventType type) {
    return events.stream().filter(e -> e.eventType() == type).toList();
  }
}
