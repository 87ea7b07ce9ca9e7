package io.integrationhub.bus.servicebus;

import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.servicebus.ServiceBusErrors.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives from one queue or subscription with a synchronous {@link ServiceBusReceiverClient} in
 * peek-lock mode with prefetch 0: {@link #receive} asks the service for at most the requested
 * number of messages, so no message is held (and its delivery count raised) without being handed to
 * the caller (reference gap 4). With a session id the client is the one {@code acceptSession}
 * returned, holding the session lock until {@link #close()}.
 */
final class ServiceBusSourceReceiver implements SessionReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBusSourceReceiver.class);

  private final Source source;
  private final Optional<String> sessionId;
  private final ServiceBusReceiverClient client;
  private final Optional<ServiceBusSessionReceiverClient> sessionClient;
  private final Duration lockDuration;
  private final Runnable onClose;
  private final Set<ReceivedServiceBusMessage> unsettled = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  ServiceBusSourceReceiver(
      Source source,
      Optional<String> sessionId,
      ServiceBusReceiverClient client,
      Optional<ServiceBusSessionReceiverClient> sessionClient,
      Duration lockDuration,
      Runnable onClose) {
    this.source = source;
    this.sessionId = sessionId;
    this.client = client;
    this.sessionClient = sessionClient;
    this.lockDuration = lockDuration;
    this.onClose = onClose;
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public List<ReceivedMessage> receive(int maxMessages, Duration maxWait)
      throws MessageBusException {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1");
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive");
    }
    checkOpen();
    List<ReceivedServiceBusMessage> received = new ArrayList<>();
    try {
      for (ServiceBusReceivedMessage message : client.receiveMessages(maxMessages, maxWait)) {
        received.add(new ReceivedServiceBusMessage(message, this));
      }
    } catch (RuntimeException e) {
      releaseAfterFailedReceive(received);
      throw ServiceBusErrors.translate(
          e, Operation.RECEIVE, "receive from " + label(), sessionId.isEmpty());
    }
    unsettled.addAll(received);
    if (!received.isEmpty()) {
      LOG.debug("Received {} message(s) from {}", received.size(), label());
    }
    return List.copyOf(received);
  }

  /**
   * Session receiver: renews the session lock (which covers its messages). Non-session receiver:
   * renews the lock of every message received and not yet settled (the reference never renewed
   * these, gap 2). A message whose lock is already lost is dropped from renewal and reported.
   */
  @Override
  public void renewLock() throws MessageBusException {
    checkOpen();
    if (sessionId.isPresent()) {
      try {
        client.renewSessionLock();
      } catch (RuntimeException e) {
        throw ServiceBusErrors.translate(
            e, Operation.RENEW_LOCK, "renew the lock of " + label(), false);
      }
      return;
    }
    MessageBusException first = null;
    for (ReceivedServiceBusMessage message : List.copyOf(unsettled)) {
      try {
        client.renewMessageLock(message.sdkMessage());
      } catch (RuntimeException e) {
        MessageBusException failure =
            ServiceBusErrors.translate(
                e,
                Operation.RENEW_LOCK,
                "renew the lock of message " + message.label() + " from " + label(),
                true);
        if (ServiceBusErrors.lockLost(ServiceBusErrors.unwrap(e))) {
          unsettled.remove(message);
        }
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public Duration lockDuration() {
    return lockDuration;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    int pending = unsettled.size();
    unsettled.clear();
    try {
      client.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the receiver for {} failed: {}", label(), e.toString());
    }
    sessionClient.ifPresent(
        sessions -> {
          try {
            sessions.close();
          } catch (RuntimeException e) {
            LOG.warn("Closing the session client for {} failed: {}", label(), e.toString());
          }
        });
    onClose.run();
    LOG.info(
        "Closed the receiver for {}{}",
        label(),
        pending == 0 ? "" : " (" + pending + " unsettled message(s) will be redelivered)");
  }

  /** Settles one message through the client that received it. */
  void settle(
      ReceivedServiceBusMessage message,
      ReceivedServiceBusMessage.Settlement settlement,
      String reason,
      String description)
      throws MessageBusException {
    if (closed.get()) {
      throw new SettlementException(
          "The receiver for "
              + label()
              + " is closed; message "
              + message.label()
              + " was not settled and will be redelivered");
    }
    try {
      switch (settlement) {
        case COMPLETE -> client.complete(message.sdkMessage());
        case ABANDON -> client.abandon(message.sdkMessage());
        case DEAD_LETTER ->
            client.deadLetter(
                message.sdkMessage(),
                new DeadLetterOptions()
                    .setDeadLetterReason(reason)
                    .setDeadLetterErrorDescription(description));
      }
    } catch (RuntimeException e) {
      MessageBusException failure =
          ServiceBusErrors.translate(
              e,
              Operation.SETTLE,
              settlement.name().toLowerCase(Locale.ROOT)
                  + " message "
                  + message.label()
                  + " from "
                  + label(),
              sessionId.isEmpty());
      if (ServiceBusErrors.lockLost(ServiceBusErrors.unwrap(e))) {
        unsettled.remove(message);
      }
      throw failure;
    }
    unsettled.remove(message);
    if (settlement == ReceivedServiceBusMessage.Settlement.DEAD_LETTER) {
      LOG.info("Dead-lettered message {} from {}: {}", message.label(), label(), reason);
    } else {
      LOG.debug("{} message {} from {}", settlement, message.label(), label());
    }
  }

  private void releaseAfterFailedReceive(List<ReceivedServiceBusMessage> received) {
    for (ReceivedServiceBusMessage message : received) {
      try {
        client.abandon(message.sdkMessage());
      } catch (RuntimeException e) {
        LOG.debug("Could not release message {} after a failed receive", message.label());
      }
    }
  }

  private void checkOpen() throws MessageBusException {
    if (closed.get()) {
      throw new MessageBusException("The receiver for " + label() + " is closed");
    }
  }

  private String label() {
    return source.label() + sessionId.map(id -> " (session " + id + ")").orElse("");
  }
}
