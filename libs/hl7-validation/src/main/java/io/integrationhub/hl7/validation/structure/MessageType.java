package io.integrationhub.hl7.validation.structure;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.List;

/**
 * MSH-9 of a message: message code, trigger event and message structure, each trimmed, {@code ""}
 * when absent. Split with the message's own component separator.
 *
 * @param code MSH-9.1, e.g. {@code ADT}
 * @param trigger MSH-9.2, e.g. {@code A31}
 * @param structure MSH-9.3, e.g. {@code ADT_A05}
 */
public record MessageType(String code, String trigger, String structure) {

  /** MSH-9 of {@code message}. */
  public static MessageType of(Er7Message message) {
    String field = message.header().field(9);
    int repetition = field.indexOf(message.delimiters().repetition());
    if (repetition >= 0) {
      field = field.substring(0, repetition);
    }
    List<String> parts = Er7Message.split(field, message.delimiters().component());
    return new MessageType(part(parts, 0), part(parts, 1), part(parts, 2));
  }

  private static String part(List<String> parts, int index) {
    return index < parts.size() ? parts.get(index).strip() : "";
  }
}
