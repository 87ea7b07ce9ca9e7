package io.integrationhub.bus.topology;

/** A subscription of a topic (filter rules are not modelled: the hub's local topology has none). */
public record SubscriptionSpec(String name, EntitySettings settings) {}
