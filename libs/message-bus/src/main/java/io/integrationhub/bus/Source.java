package io.integrationhub.bus;

import java.util.Objects;
import java.util.Optional;

/** Where a receiver reads from: a queue, or a subscription of a topic. */
public record Source(String entity, Optional<String> subscription) {

  public Source {
    if (entity == null || entity.isBlank()) {
      throw new IllegalArgumentException("A source needs a queue or topic name");
    }
    Objects.requireNonNull(subscription, "subscription");
    subscription.ifPresent(
        name -> {
          if (name.isBlank()) {
            throw new IllegalArgumentException("A subscription name must not be blank");
          }
        });
  }

  public static Source queue(String name) {
    return new Source(name, Optional.empty());
  }

  public static Source subscription(String topic, String subscription) {
    return new Source(topic, Optional.of(subscription));
  }

  public boolean isSubscription() {
    return subscription.isPresent();
  }

  /** The name used in logs and metrics: the queue, or {@code <topic>/<subscription>}. */
  public String label() {
    return subscription.map(s -> entity + "/" + s).orElse(entity);
  }

  @Override
  public String toString() {
    return label();
  }
}
