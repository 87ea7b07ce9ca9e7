package io.integrationhub.sender;

import java.util.ArrayList;
import java.util.List;

/** Fictional outbound messages for sender tests. */
final class SenderTestMessages {

  private SenderTestMessages() {}

  /** An ADT^A31 for MPI with the given MSH-10 and patient family name. */
  static String adtA31(String controlId, String familyName) {
    return "MSH|^~\\&|252|252|100|100|20250505232336||ADT^A31^ADT_A05|"
        + controlId
        + "|P|2.5|||||GBR||EN\r"
        + "EVN||20250505232332\r"
        + "PID|1||8888888^^^252^PI||"
        + familyName
        + "^Test^^^Mr||20000101|M\r"
        + "PV1||U";
  }

  static String adtA31(String controlId) {
    return adtA31(controlId, "Testperson");
  }

  /** {@code count} messages with MSH-10 {@code <prefix>0001}, {@code <prefix>0002}, ... */
  static List<String> numbered(String prefix, int count) {
    List<String> messages = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      messages.add(adtA31(controlId(prefix, i)));
    }
    return messages;
  }

  static String controlId(String prefix, int number) {
    return prefix + String.format("%04d", number);
  }
}
