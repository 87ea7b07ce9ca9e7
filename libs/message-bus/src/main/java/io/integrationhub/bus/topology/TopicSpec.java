package io.integrationhub.bus.topology;

import java.util.List;

/** A topic and its subscriptions. */
public record TopicSpec(String name, List<SubscriptionSpec> subscriptions) {
  public TopicSpec {
    subscriptions = List.copyOf(subscriptions);
  }
}
