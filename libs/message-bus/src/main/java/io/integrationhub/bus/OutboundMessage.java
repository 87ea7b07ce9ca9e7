package io.integrationhub.bus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to publish: the HL7 text (sent as UTF-8), the session id (required by session-enabled
 * entities), the message id (the hub uses MSH-10) and string application properties.
 */
public record OutboundMessage(
    String body,
    Optional<String> sessionId,
    Optional<String> messageId,
    Map<String, String> properties) {

  public OutboundMessage {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(messageId, "messageId");
    properties = Map.copyOf(properties);
  }

  public static Builder builder(String body) {
    return new Builder(body);
  }

  /** Builds an {@link OutboundMessage}; blank ids count as absent. */
  public static final class Builder {
    private final String body;
    private String sessionId;
    private String messageId;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(String body) {
      this.body = body;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    public Builder property(String name, String value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      return this;
    }

    public Builder properties(Map<String, String> values) {
      values.forEach(this::property);
      return this;
    }

    public OutboundMessage build() {
      return new OutboundMessage(body, nonBlank(sessionId), nonBlank(messageId), properties);
    }

    private static Optional<String> nonBlank(String value) {
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
  }
}
