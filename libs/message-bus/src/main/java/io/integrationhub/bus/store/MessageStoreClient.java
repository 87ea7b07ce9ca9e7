package io.integrationhub.bus.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the message-store record of a message (spec §6.3: raw payload, XML or null, tracking
 * fields) to the message-store queue ({@code MESSAGE_STORE_QUEUE_NAME}). Fire and forget: a store
 * failure is logged, never blocks or fails the message. Records are sent from a thread of their
 * own, in order: a send can block (broker flow control), and the caller is often a bus or network
 * thread that must not.
 *
 * <p>The record is a JSON object with, in this order: {@code MessageReceivedAt}, {@code
 * CorrelationId}, {@code SourceSystem} (the message's bus properties of those names, an empty
 * string when missing), {@code ProcessingComponent}, {@code TargetSystem}, {@code RawPayload},
 * {@code XmlPayload} (null when there is no XML) and {@code SessionId}.
 *
 * <p>Thread-safe. {@link #close()} sends what is queued, then closes the publisher.
 */
public final class MessageStoreClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MessageStoreClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final MessagePublisher publisher;
  private final String processingComponent;
  private final String targetSystem;
  private final String sessionId;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("message-store").daemon().factory());

  /**
   * A client for one service.
   *
   * @param publisher the message-store queue's publisher; closed by {@link #close()}
   * @param processingComponent the sending service ({@code MICROSERVICE_ID})
   * @param targetSystem where the message goes next ({@code PEER_SERVICE})
   * @param sessionId the session id of the service's egress ({@code EGRESS_SESSION_ID})
   */
  public MessageStoreClient(
      MessagePublisher publisher,
      String processingComponent,
      String targetSystem,
      String sessionId) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.processingComponent = Objects.requireNonNull(processingComponent, "processingComponent");
    this.targetSystem = Objects.requireNonNull(targetSystem, "targetSystem");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
  }

  /**
   * Queues the record of one message for sending; never throws for a store failure.
   *
   * @param payload the raw message (HL7 text)
   * @param xml its XML form, or empty (the record then has {@code "XmlPayload": null})
   * @param properties the message's bus properties ({@code MessageReceivedAt}, {@code
   *     CorrelationId}, {@code SourceSystem}; a missing one is written as {@code ""})
   */
  public void save(String payload, Optional<String> xml, Map<String, String> properties) {
    String correlationId = properties.getOrDefault("CorrelationId", "");
    Optional<String> body = record(payload, xml, properties);
    if (body.isEmpty()) {
      return;
    }
    try {
      sender.execute(() -> send(body.get(), correlationId));
    } catch (RejectedExecutionException e) {
      log.error("Message store closed; record for correlation {} not sent", correlationId);
    }
  }

  private Optional<String> record(
      String payload, Optional<String> xml, Map<String, String> properties) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("MessageReceivedAt", properties.getOrDefault("MessageReceivedAt", ""));
    record.put("CorrelationId", properties.getOrDefault("CorrelationId", ""));
    record.put("SourceSystem", properties.getOrDefault("SourceSystem", ""));
    record.put("ProcessingComponent", processingComponent);
    record.put("TargetSystem", targetSystem);
    record.put("RawPayload", payload);
    record.put("XmlPayload", xml.orElse(null));
    record.put("SessionId", sessionId);
    try {
      return Optional.of(JSON.writeValueAsString(record));
    } catch (JsonProcessingException e) {
      log.error(
          "Cannot write the message-store record (correlation {})",
          properties.getOrDefault("CorrelationId", ""));
      return Optional.empty();
    }
  }

  private void send(String body, String correlationId) {
    try {
      publisher
          .publishAsync(OutboundMessage.builder(body).build())
          .whenComplete(
              (ignored, error) -> {
                if (error != null) {
                  sendFailed(correlationId, error);
                }
              });
    } catch (RuntimeException e) {
      sendFailed(correlationId, e);
    }
  }

  private static void sendFailed(String correlationId, Throwable error) {
    log.error(
        "Message store send failed for correlation {}: {}",
        correlationId,
        MessageBusException.describe(error));
  }

  /** Sends what is queued (up to 10 s), then closes the publisher. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("Message-store records still queued after 10 s; closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
  }
}
