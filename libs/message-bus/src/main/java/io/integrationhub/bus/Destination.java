package io.integrationhub.bus;

import java.util.Objects;

/** Where a publisher sends: a queue or a topic. */
public record Destination(Kind kind, String name) {

  /** Entity kinds a publisher can send to. */
  public enum Kind {
    QUEUE,
    TOPIC
  }

  public Destination {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A destination needs a name");
    }
  }

  public static Destination queue(String name) {
    return new Destination(Kind.QUEUE, name);
  }

  public static Destination topic(String name) {
    return new Destination(Kind.TOPIC, name);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
  }
}
