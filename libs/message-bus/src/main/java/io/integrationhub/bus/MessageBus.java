package io.integrationhub.bus;

import io.integrationhub.bus.topology.BusTopology;
import java.util.Optional;

/** The bus a service talks to: an adapter for Azure Service Bus or Apache ActiveMQ Artemis. */
public interface MessageBus extends AutoCloseable {

  /** {@code artemis} or {@code servicebus}. */
  String kind();

  /** A publisher for a queue or topic; fails at once when the destination does not exist. */
  MessagePublisher publisher(Destination destination) throws MessageBusException;

  /**
   * Opens a receiver for one session of a source ({@code sessionId} empty for a non-session queue
   * or subscription). Fails when the source does not exist, when a session id is missing for a
   * session-enabled source, or when another receiver holds the session ({@link
   * SessionUnavailableException}).
   */
  SessionReceiver receiver(Source source, Optional<String> sessionId) throws MessageBusException;

  /**
   * Creates what is missing of the topology and checks what exists (adapters that cannot create
   * entities, such as Service Bus without management rights, only check and report).
   */
  void applyTopology(BusTopology topology) throws MessageBusException;

  @Override
  void close();
}
