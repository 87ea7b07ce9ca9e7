package io.integrationhub.bus.servicebus;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessageTooLargeException;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.UnknownDestinationException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import reactor.core.Exceptions;

/**
 * Maps SDK failures to the port's exceptions, so callers handle meanings, not SDK types. The SDK
 * reports a {@link ServiceBusException} with a {@link ServiceBusFailureReason} (derived from the
 * AMQP error condition) or, on some paths, a bare {@link AmqpException}; both are read along the
 * cause chain. Messages name the operation and entity, never a body or property value.
 */
final class ServiceBusErrors {

  /** What was being done when the error happened; decides the meaning of ambiguous errors. */
  enum Operation {
    OPEN_PUBLISHER,
    PUBLISH,
    OPEN_RECEIVER,
    RECEIVE,
    SETTLE,
    RENEW_LOCK
  }

  /**
   * Phrases of the service's refusals when a session id is missing (not "session" alone: AMQP
   * sessions, a transport concept, show up in unrelated connection errors).
   */
  private static final List<String> SESSION_REQUIRED_MARKERS =
      List.of("sessionid", "requires session", "sessionful", "session support");

  private ServiceBusErrors() {}

  /**
   * The port exception for {@code error}.
   *
   * @param what the operation and entity for the message, e.g. {@code "publish to queue q"}
   * @param withoutSessionId the operation used no session id (a session error then means one was
   *     required)
   */
  static MessageBusException translate(
      Throwable error, Operation operation, String what, boolean withoutSessionId) {
    Throwable cause = unwrap(error);
    if (cause instanceof MessageBusException busException) {
      return busException;
    }
    String detail = what + ": " + MessageBusException.describe(cause);
    if (is(cause, ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND, AmqpErrorCondition.NOT_FOUND)
        && operation != Operation.SETTLE) {
      return new UnknownDestinationException(
          "Service Bus entity not found (" + detail + ")", cause);
    }
    if (is(
        cause,
        ServiceBusFailureReason.MESSAGE_SIZE_EXCEEDED,
        AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED)) {
      return new MessageTooLargeException(
          "Message too large for Service Bus (" + detail + ")", cause);
    }
    if (operation == Operation.SETTLE) {
      return new SettlementException(
          lockLost(cause)
              ? "Lock lost, the message was not settled and will be redelivered (" + detail + ")"
              : "Settlement failed (" + detail + ")",
          cause);
    }
    if (is(
        cause,
        ServiceBusFailureReason.SESSION_CANNOT_BE_LOCKED,
        AmqpErrorCondition.SESSION_CANNOT_BE_LOCKED)) {
      return new SessionUnavailableException(
          "Session is held by another receiver (" + detail + ")", cause);
    }
    if (is(
        cause, ServiceBusFailureReason.SESSION_LOCK_LOST, AmqpErrorCondition.SESSION_LOCK_LOST)) {
      return new SessionUnavailableException("Session lock lost (" + detail + ")", cause);
    }
    if (lockLost(cause)) {
      return new SettlementException(
          "Message lock lost; the message can no longer be settled (" + detail + ")", cause);
    }
    if (withoutSessionId && !isTransient(cause) && mentionsSessionRequirement(cause)) {
      // Service Bus refuses a message without SessionId on a session entity, and a non-session
      // receiver on one, with an InvalidOperation text naming the session ("The SessionId was not
      // set on a message...", "...requires sessions..."); there is no dedicated error condition.
      return new SessionRequiredException(
          "Service Bus entity requires a session id (" + detail + ")", cause);
    }
    return new MessageBusException(
        "Service Bus "
            + operation.name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " failed"
            + (isTransient(cause) ? " (transient, retries spent)" : "")
            + " ("
            + detail
            + ")",
        cause);
  }

  /** Removes the wrappers futures and Reactor put around the SDK's exception. */
  static Throwable unwrap(Throwable error) {
    Throwable current = Exceptions.unwrap(error);
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = Exceptions.unwrap(current.getCause());
    }
    return current;
  }

  /** The message's or session's lock is gone: the message can no longer be settled. */
  static boolean lockLost(Throwable error) {
    return is(
            error, ServiceBusFailureReason.MESSAGE_LOCK_LOST, AmqpErrorCondition.MESSAGE_LOCK_LOST)
        || is(
            error, ServiceBusFailureReason.SESSION_LOCK_LOST, AmqpErrorCondition.SESSION_LOCK_LOST)
        || is(
            error, ServiceBusFailureReason.MESSAGE_NOT_FOUND, AmqpErrorCondition.MESSAGE_NOT_FOUND);
  }

  private static boolean is(
      Throwable error, ServiceBusFailureReason reason, AmqpErrorCondition condition) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ServiceBusException sb && reason.equals(sb.getReason())) {
        return true;
      }
      if (t instanceof AmqpException amqp && amqp.getErrorCondition() == condition) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ServiceBusException sb) {
        return sb.isTransient();
      }
      if (t instanceof AmqpException amqp) {
        return amqp.isTransient();
      }
    }
    return false;
  }

  private static boolean mentionsSessionRequirement(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      for (String marker : SESSION_REQUIRED_MARKERS) {
        if (message.contains(marker)) {
          return true;
        }
      }
    }
    return false;
  }
}
