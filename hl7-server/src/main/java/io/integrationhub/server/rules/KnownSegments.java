package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects segments HL7 does not define, as the reference's parser does ("Invalid name for Segment:
 * XXX"): every segment but Z-segments must be a segment of the message's version in HAPI's model
 * (v2.5's when the version is not one HAPI has here).
 */
public final class KnownSegments implements MessageRule {

  private static final Map<String, String> PACKAGES =
      Map.of("2.3.1", "v231", "2.4", "v24", "2.5", "v25", "2.5.1", "v251");
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  @Override
  public Optional<String> check(Er7Message message) {
    String version = Fields.component(message, message.header().field(12), 1).strip();
    String model = PACKAGES.getOrDefault(version, "v25");
    for (Er7Segment segment : message.segments()) {
      String name = segment.name();
      if (name.charAt(0) != 'Z'
          && !known.computeIfAbsent(model + name, key -> exists(model, name))) {
        return Optional.of("Invalid name for Segment: " + name);
      }
    }
    return Optional.empty();
  }

  private static boolean exists(String model, String segment) {
    return KnownSegments.class
            .getClassLoader()
            .getResource("ca/uhn/hl7v2/model/" + model + "/segment/" + segment + ".class")
        != null;
  }
}
