package io.integrationhub.bus.topology;

import java.util.List;
import java.util.Optional;

/** The queues and topics of one namespace. */
public record BusTopology(String namespace, List<QueueSpec> queues, List<TopicSpec> topics) {
  public BusTopology {
    queues = List.copyOf(queues);
    topics = List.copyOf(topics);
  }

  public Optional<QueueSpec> queue(String name) {
    return queues.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  public Optional<TopicSpec> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<SubscriptionSpec> subscription(String topic, String subscription) {
    return topic(topic)
        .flatMap(
            t -> t.subscriptions().stream().filter(s -> s.name().equals(subscription)).findFirst());
  }
}
