package io.integrationhub.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the message-store record of a message (spec §6.3: raw payload, XML or null, tracking
 * fields) to {@code MESSAGE_STORE_QUEUE_NAME}. Fire and forget: a store failure is logged, never
 * blocks or fails the message. Records are sent from a thread of their own, in order: a send can
 * block (broker flow control), and the caller is often a bus or network thread that must not.
 */
final class MessageStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MessageStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessagePublisher publisher;
  private final ServerSettings settings;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("message-store").daemon().factory());

  MessageStore(MessagePublisher publisher, ServerSettings settings) {
    this.publisher = publisher;
    this.settings = settings;
  }

  /** Sends the record of one message; {@code properties} are its bus properties. */
  void save(String payload, Optional<String> xml, Map<String, String> properties) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("MessageReceivedAt", properties.get("MessageReceivedAt"));
    record.put("CorrelationId", properties.get("CorrelationId"));
    record.put("SourceSystem", properties.get("SourceSystem"));
    record.put("ProcessingComponent", settings.microserviceId());
    record.put("TargetSystem", settings.peerService());
    record.put("RawPayload", payload);
    record.put("XmlPayload", xml.orElse(null));
    record.put("SessionId", settings.egressSessionId());
    String body;
    try {
      body = JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      log.error(
          "Cannot write the message-store record (correlation {})",
          properties.get("CorrelationId"));
      return;
    }
    sender.execute(() -> send(body, properties.get("CorrelationId")));
  }

  private void send(String body, String correlationId) {
    publisher
        .publishAsync(OutboundMessage.builder(body).build())
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                log.error(
                    "Message store send failed for correlation {}: {}",
                    correlationId,
                    MessageBusException.describe(error));
              }
            });
  }

  /** Sends what is queued (up to 10 s), then closes the publisher. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("Message-store records still queued after 10 s; closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
  }
}
