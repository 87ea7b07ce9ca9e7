package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import java.util.List;
import java.util.Optional;

/** Reads fields, repetitions and components of an {@link Er7Message} with its own delimiters. */
final class Fields {

  private Fields() {}

  static Optional<Er7Segment> first(Er7Message message, String segment) {
    for (Er7Segment candidate : message.segments()) {
      if (candidate.name().equals(segment)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static List<String> repetitions(Er7Message message, String field) {
    return Er7Message.split(field, message.delimiters().repetition());
  }

  /** Component {@code number} (1-based) of a repetition, {@code ""} when absent. */
  static String component(Er7Message message, String repetition, int number) {
    return piece(Er7Message.split(repetition, message.delimiters().component()), number);
  }

  /** Sub-component {@code number} (1-based) of a component, {@code ""} when absent. */
  static String subcomponent(Er7Message message, String component, int number) {
    return piece(Er7Message.split(component, message.delimiters().subcomponent()), number);
  }

  private static String piece(List<String> pieces, int number) {
    return number <= pieces.size() ? pieces.get(number - 1) : "";
  }
}
