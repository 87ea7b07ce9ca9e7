package io.integrationhub.bus.topology;

/** A queue of the topology. */
public record QueueSpec(String name, EntitySettings settings) {}
