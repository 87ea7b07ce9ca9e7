package io.integrationhub.events;

/**
 * Where events go. Implementations may throw; {@link EventLogger} shields its callers from that. A
 * sink that also implements {@link AutoCloseable} is closed by {@link EventLogger#close()}.
 */
@FunctionalInterface
public interface EventSink {
  void accept(Event event) throws Exception;
}
