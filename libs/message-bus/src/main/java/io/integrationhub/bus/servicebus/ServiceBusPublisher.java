package io.integrationhub.bus.servicebus;

import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import io.integrationhub.bus.BatchPublishException;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.MessageTooLargeException;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.servicebus.ServiceBusErrors.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes to one queue or topic through a {@link ServiceBusSenderAsyncClient}. A send completes
 * when the service has accepted the message (the SDK's send completes on the broker's accepted
 * disposition); after the SDK's retries every failure reaches the caller (reference gap 1: no
 * "success after three timeouts").
 */
final class ServiceBusPublisher implements MessagePublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBusPublisher.class);

  /** Service Bus limit for MessageId and SessionId. */
  static final int MAX_ID_LENGTH = 128;

  private final Destination destination;
  private final ServiceBusSenderAsyncClient sender;
  private final int maxMessageBytes;
  private final boolean sessionRequired;
  private final Runnable onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  ServiceBusPublisher(
      Destination destination,
      ServiceBusSenderAsyncClient sender,
      int maxMessageBytes,
      boolean sessionRequired,
      Runnable onClose) {
    this.destination = destination;
    this.sender = sender;
    this.maxMessageBytes = maxMessageBytes;
    this.sessionRequired = sessionRequired;
    this.onClose = onClose;
  }

  @Override
  public Destination destination() {
    return destination;
  }

  @Override
  public CompletableFuture<Void> publishAsync(OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    ServiceBusMessage sdkMessage;
    try {
      checkOpen();
      sdkMessage = toServiceBusMessage(message);
    } catch (MessageBusException e) {
      return CompletableFuture.failedFuture(e);
    }
    String what = "publish of " + describe(message) + " to " + destination;
    CompletableFuture<Void> sent =
        future(
            () -> sender.sendMessage(sdkMessage),
            error ->
                ServiceBusErrors.translate(
                    error, Operation.PUBLISH, what, message.sessionId().isEmpty()));
    return sent.whenComplete(
        (ok, error) -> {
          if (error == null) {
            LOG.debug("Published {} to {}", describe(message), destination);
          } else {
            LOG.warn(
                "Publish of {} to {} failed: {}",
                describe(message),
                destination,
                error.getClass().getSimpleName());
          }
        });
  }

  /**
   * Sends all messages in one {@link ServiceBusMessageBatch}: Service Bus accepts or refuses a
   * batch as a whole, so a failure always means 0 messages known to be on the bus. Every message is
   * checked and added to the batch before anything is sent; one that does not fit fails the call.
   * (On a partitioned entity all messages of a batch must share a session id.)
   */
  @Override
  public void publishBatch(List<OutboundMessage> messages) throws MessageBusException {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      return;
    }
    checkOpen();
    int total = messages.size();
    List<ServiceBusMessage> sdkMessages = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      try {
        sdkMessages.add(toServiceBusMessage(messages.get(i)));
      } catch (MessageBusException e) {
        throw new BatchPublishException(
            "Batch to "
                + destination
                + " refused before sending: message "
                + (i + 1)
                + " of "
                + total
                + ": "
                + e.getMessage(),
            0,
            e);
      }
    }
    String what = "batch of " + total + " to " + destination;
    boolean withoutSessionId = messages.stream().anyMatch(m -> m.sessionId().isEmpty());
    ServiceBusMessageBatch batch;
    try {
      batch =
          MessageBusException.await(
              future(
                  sender::createMessageBatch,
                  error ->
                      ServiceBusErrors.translate(
                          error, Operation.PUBLISH, what, withoutSessionId)));
    } catch (MessageBusException e) {
      throw new BatchPublishException("Could not start a " + what + ": " + e.getMessage(), 0, e);
    }
    for (int i = 0; i < total; i++) {
      boolean added;
      try {
        added = batch.tryAddMessage(sdkMessages.get(i));
      } catch (RuntimeException e) {
        MessageBusException cause =
            ServiceBusErrors.translate(e, Operation.PUBLISH, what, withoutSessionId);
        throw new BatchPublishException(
            "Message "
                + (i + 1)
                + " of the "
                + what
                + " cannot be sent; nothing was sent: "
                + cause.getMessage(),
            0,
            cause);
      }
      if (!added) {
        MessageTooLargeException cause =
            new MessageTooLargeException(
                "Message "
                    + (i + 1)
                    + " of "
                    + total
                    + " ("
                    + describe(messages.get(i))
                    + ") does not fit one Service Bus batch of at most "
                    + batch.getMaxSizeInBytes()
                    + " bytes after "
                    + i
                    + " message(s); send fewer or smaller messages per batch");
        throw new BatchPublishException(
            "The " + what + " was refused before sending: " + cause.getMessage(), 0, cause);
      }
    }
    try {
      MessageBusException.await(
          future(
              () -> sender.sendMessages(batch),
              error ->
                  ServiceBusErrors.translate(error, Operation.PUBLISH, what, withoutSessionId)));
    } catch (MessageBusException e) {
      throw new BatchPublishException(
          "The " + what + " failed (a Service Bus batch is atomic): " + e.getMessage(), 0, e);
    }
    LOG.debug("Published a batch of {} message(s) to {}", total, destination);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        sender.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the publisher for {} failed: {}", destination, e.toString());
      } finally {
        onClose.run();
      }
    }
  }

  /** The SDK message: UTF-8 body, session id, message id and the properties as strings. */
  ServiceBusMessage toServiceBusMessage(OutboundMessage message) throws MessageBusException {
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    if (body.length > maxMessageBytes) {
      throw new MessageTooLargeException(
          describe(message)
              + " has a body of "
              + body.length
              + " bytes; "
              + destination
              + " accepts at most "
              + maxMessageBytes);
    }
    checkIdLength("message id", message.messageId().orElse(""), message);
    checkIdLength("session id", message.sessionId().orElse(""), message);
    if (sessionRequired && message.sessionId().isEmpty()) {
      throw new SessionRequiredException(
          destination + " requires sessions; " + describe(message) + " has no session id");
    }
    ServiceBusMessage sdkMessage = new ServiceBusMessage(body);
    message.sessionId().ifPresent(sdkMessage::setSessionId);
    message.messageId().ifPresent(sdkMessage::setMessageId);
    sdkMessage.getApplicationProperties().putAll(message.properties());
    return sdkMessage;
  }

  private void checkIdLength(String name, String value, OutboundMessage message)
      throws MessageBusException {
    if (value.length() > MAX_ID_LENGTH) {
      throw new MessageBusException(
          "Service Bus limits a "
              + name
              + " to "
              + MAX_ID_LENGTH
              + " characters; "
              + describe(message)
              + " has one of "
              + value.length());
    }
  }

  private void checkOpen() throws MessageBusException {
    if (closed.get()) {
      throw new MessageBusException("The publisher for " + destination + " is closed");
    }
  }

  /** Ids only: never the body or property values. */
  static String describe(OutboundMessage message) {
    return "message "
        + message
            .messageId()
            .map(id -> id.length() > 40 ? id.substring(0, 40) + "..." : id)
            .orElse("(no id)")
        + message.sessionId().map(s -> " (session " + s + ")").orElse("");
  }

  /**
   * Subscribes to the SDK's Mono now and completes the future from its outcome, failures
   * translated. A Mono the SDK fails to create also fails the future. The future completes on a
   * Reactor bounded-elastic thread, never on the SDK's AMQP I/O thread: a caller's dependent stage
   * may block (for instance settle the received message it forwarded) without stalling the
   * connection.
   */
  static <T> CompletableFuture<T> future(
      Supplier<Mono<T>> call, Function<Throwable, MessageBusException> translate) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      call.get()
          .publishOn(Schedulers.boundedElastic())
          .subscribe(
              result::complete,
              error -> result.completeExceptionally(translate.apply(error)),
              () -> result.complete(null));
    } catch (RuntimeException e) {
      result.completeExceptionally(translate.apply(e));
    }
    return result;
  }
}
