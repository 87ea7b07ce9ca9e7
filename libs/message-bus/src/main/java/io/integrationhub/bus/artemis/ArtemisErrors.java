package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.UnknownDestinationException;
import org.apache.activemq.artemis.api.core.ActiveMQAddressDoesNotExistException;
import org.apache.activemq.artemis.api.core.ActiveMQNonExistentQueueException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueMaxConsumerLimitReached;

/**
 * Turns Artemis client exceptions into the port's exceptions (the message names no patient data).
 */
final class ArtemisErrors {
  private ArtemisErrors() {}

  static MessageBusException map(String what, Throwable error) {
    if (error instanceof MessageBusException busException) {
      return busException;
    }
    String message = what + ": " + MessageBusException.describe(error);
    if (error instanceof ActiveMQNonExistentQueueException
        || error instanceof ActiveMQAddressDoesNotExistException) {
      return new UnknownDestinationException(message, error);
    }
    if (error instanceof ActiveMQQueueMaxConsumerLimitReached) {
      return new SessionUnavailableException(message, error);
    }
    return new MessageBusException(message, error);
  }
}
