package io.integrationhub.bus.artemis;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A message in a dead-letter queue, as {@link ArtemisMessageBus#deadLetters} reads it.
 *
 * @param body the original body
 * @param messageId the original message id
 * @param sessionId the original session id
 * @param properties the original application properties (without the dead-letter ones)
 * @param reason {@code DeadLetterReason}: the reason given to {@code deadLetter}, {@code
 *     MaxDeliveryCountExceeded} when the broker moved it after MaxDeliveryCount deliveries, or
 *     {@code TTLExpiredException} when it expired on an entity that dead-letters on expiration
 * @param description {@code DeadLetterErrorDescription}
 * @param deliveryCount deliveries of the original before it was dead-lettered
 * @param enqueuedTime when the original was sent
 */
public record DeadLetteredMessage(
    String body,
    Optional<String> messageId,
    Optional<String> sessionId,
    Map<String, String> properties,
    String reason,
    String description,
    int deliveryCount,
    Instant enqueuedTime) {

  public DeadLetteredMessage {
    properties = Map.copyOf(properties);
  }
}
