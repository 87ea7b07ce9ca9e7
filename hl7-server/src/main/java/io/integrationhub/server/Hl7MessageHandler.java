package io.integrationhub.server;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.store.MessageStoreClient;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventType;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.AckCode;
import io.integrationhub.hl7.ack.AckError;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.mllp.MllpConnection;
import io.integrationhub.mllp.MllpDecodingException;
import io.integrationhub.mllp.MllpMessageHandler;
import io.integrationhub.mllp.MllpRequest;
import io.integrationhub.mllp.MllpResponse;
import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import io.integrationhub.server.pipeline.Decision;
import io.integrationhub.server.pipeline.InboundPipeline;
import io.integrationhub.server.pipeline.Rejection;
import io.integrationhub.server.pipeline.RejectionKind;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound message: decode, run the {@link InboundPipeline}, publish to the bus, and only when
 * the bus has confirmed the message durably, answer AA. Every message ends with exactly one
 * terminal event: MESSAGE_PROCESSED, or MESSAGE_FAILED with a stable reason. A rejected message
 * gets no reply and its connection is closed (the reference's contract), or with {@code
 * NAK_ON_ERROR} an AE/AR with an ERR segment on a connection that stays open.
 */
final class Hl7MessageHandler implements MllpMessageHandler {

  private static final Logger log = LoggerFactory.getLogger(Hl7MessageHandler.class);

  private final ServerSettings settings;
  private final InboundPipeline pipeline;
  private final MessagePublisher egress;
  private final Optional<MessageStoreClient> store;
  private final EventLogger events;
  private final AckBuilder acks;
  private final DeliveryHealth busHealth;

  Hl7MessageHandler(
      ServerSettings settings,
      InboundPipeline pipeline,
      MessagePublisher egress,
      Optional<MessageStoreClient> store,
      EventLogger events,
      AckBuilder acks,
      DeliveryHealth busHealth) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.egress = egress;
    this.store = store;
    this.events = events;
    this.acks = acks;
    this.busHealth = busHealth;
  }

  @Override
  public CompletionStage<MllpResponse> onMessage(MllpRequest request) {
    String correlationId = UUID.randomUUID().toString();
    String text;
    try {
      text = request.text();
    } catch (MllpDecodingException e) {
      return done(
          reject(
              "",
              null,
              correlationId,
              Rejection.of(RejectionKind.NOT_UTF8, "Message is not valid UTF-8: " + e.getMessage()),
              request));
    }
    try {
      Decision decision = pipeline.process(text, request.receivedAt(), correlationId);
      if (decision instanceof Decision.Reject rejected) {
        rejected
            .storeCopy()
            .ifPresent(tracking -> store.ifPresent(s -> s.save(text, Optional.empty(), tracking)));
        return done(reject(text, header(text), correlationId, rejected.rejection(), request));
      }
      Decision.Accept accept = (Decision.Accept) decision;
      MessageHeader header = accept.accepted().header();
      return egress
          .publishAsync(accept.accepted().message())
          .handle(
              (ignored, error) -> {
                if (error != null) {
                  String reason = MessageBusException.describe(error);
                  busHealth.failure(reason);
                  return reject(
                      text,
                      header,
                      correlationId,
                      Rejection.of(
                          RejectionKind.BUS_UNAVAILABLE,
                          "Publishing to " + egress.destination() + " failed: " + reason),
                      request);
                }
                busHealth.success();
                store.ifPresent(
                    s ->
                        s.save(
                            text,
                            accept.accepted().xml(),
                            accept.accepted().message().properties()));
                events.log(
                    EventType.MESSAGE_PROCESSED,
                    text,
                    "ACK generated successfully",
                    null,
                    correlationId);
                return MllpResponse.reply(acks.build(header, AckCode.AA));
              });
    } catch (RuntimeException e) {
      log.error(
          "Connection {}: unexpected error processing a message (correlation {}): {}",
          request.connection().id(),
          correlationId,
          e.getClass().getName(),
          e);
      return done(
          reject(
              text,
              header(text),
              correlationId,
              Rejection.of(
                  RejectionKind.INTERNAL,
                  "Unexpected error while processing message: " + e.getClass().getSimpleName()),
              request));
    }
  }

  @Override
  public void onFrameTooLarge(MllpConnection connection, MllpFrameTooLarge rejection) {
    String detail =
        "Message size ("
            + rejection.bytesRead()
            + " bytes) exceeds maximum allowed size ("
            + rejection.limit()
            + " bytes). Connection will be closed.";
    log.warn("Connection {}: {}", connection.id(), detail);
    events.log(
        EventType.MESSAGE_FAILED,
        "",
        RejectionKind.TOO_LARGE.validationResult(),
        detail,
        UUID.randomUUID().toString());
  }

  private MllpResponse reject(
      String text,
      MessageHeader header,
      String correlationId,
      Rejection rejection,
      MllpRequest request) {
    events.log(
        EventType.MESSAGE_FAILED,
        text,
        rejection.kind().validationResult(),
        rejection.detail(),
        correlationId);
    log.warn(
        "Connection {}: message rejected (correlation {}): {}: {}",
        request.connection().id(),
        correlationId,
        rejection.kind().validationResult(),
        rejection.detail());
    if (!settings.nakOnError()) {
      return MllpResponse.closeWithoutReply();
    }
    if (header == null) {
      return MllpResponse.reply(AckBuilder.fallbackNack());
    }
    return MllpResponse.reply(
        acks.build(
            header,
            rejection.kind().nakCode(),
            AckError.of(rejection.errorCode(), rejection.detail())));
  }

  private static MessageHeader header(String text) {
    try {
      return MessageHeader.parse(text);
    } catch (Hl7ParseException | RuntimeException e) {
      return null;
    }
  }

  private static CompletionStage<MllpResponse> done(MllpResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
