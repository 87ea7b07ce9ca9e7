package io.integrationhub.mockreceiver;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.mllp.MllpConnection;
import io.integrationhub.mllp.MllpDecodingException;
import io.integrationhub.mllp.MllpMessageHandler;
import io.integrationhub.mllp.MllpRequest;
import io.integrationhub.mllp.MllpResponse;
import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import io.integrationhub.mllp.codec.MllpFrames;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers each framed message as the planner decides, after the configured delay. */
public final class MockMessageHandler implements MllpMessageHandler {
  private static final Logger log = LoggerFactory.getLogger(MockMessageHandler.class);
  private static final Duration SPLIT_PAUSE = Duration.ofMillis(50);

  private final ReplyPlanner planner;
  private final MockReceiverSettings settings;
  private final Optional<ReceivedMessageJournal> journal;
  private final Optional<EgressPublisher> egress;

  public MockMessageHandler(
      ReplyPlanner planner,
      MockReceiverSettings settings,
      Optional<ReceivedMessageJournal> journal) {
    this(planner, settings, journal, Optional.empty());
  }

  MockMessageHandler(
      ReplyPlanner planner,
      MockReceiverSettings settings,
      Optional<ReceivedMessageJournal> journal,
      Optional<EgressPublisher> egress) {
    this.planner = planner;
    this.settings = settings;
    this.journal = journal;
    this.egress = egress;
  }

  @Override
  public CompletionStage<MllpResponse> onMessage(MllpRequest request) {
    String message;
    try {
      message = request.text();
    } catch (MllpDecodingException e) {
      log.warn(
          "Connection {}: message is not valid {} ({}); answering with the fallback NACK",
          request.connection().id(),
          request.charset(),
          e.getMessage());
      return CompletableFuture.completedFuture(MllpResponse.reply(AckBuilder.fallbackNack()));
    }
    PlannedReply planned = planner.plan(message);
    if (egress.isEmpty() || planned.header().isEmpty()) {
      // No bus copy configured; or not HL7, which the reference NAKs before publishing anything.
      return answer(request, message, planned);
    }
    // As the reference: publish the copy first, answer only once the broker has it, AE otherwise.
    MessageHeader header = planned.header().get();
    EgressPublisher publisher = egress.get();
    return publisher
        .publish(message)
        .handle(
            (published, error) -> {
              if (error == null) {
                return planned;
              }
              log.warn(
                  "Connection {}: publishing message {} to {} failed ({}); answering AE",
                  request.connection().id(),
                  header.controlId(),
                  publisher.queueName(),
                  MessageBusException.describe(unwrap(error)));
              return planner.nack(header);
            })
        .thenCompose(reply -> answer(request, message, reply));
  }

  private CompletionStage<MllpResponse> answer(
      MllpRequest request, String message, PlannedReply reply) {
    log.info(
        "Connection {}: received {}",
        request.connection().id(),
        MessageSummary.of(message, reply, request.payload().length));
    record(request, message, reply);
    MllpResponse response = toResponse(reply, request);
    if (settings.ackDelay().isZero()) {
      return CompletableFuture.completedFuture(response);
    }
    return CompletableFuture.supplyAsync(
        () -> response,
        CompletableFuture.delayedExecutor(settings.ackDelay().toMillis(), TimeUnit.MILLISECONDS));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void record(MllpRequest request, String message, PlannedReply reply) {
    if (journal.isEmpty()) {
      return;
    }
    try {
      journal.get().record(request.receivedAt(), request.connection().id(), message, reply);
    } catch (IOException e) {
      log.error("Cannot append to RECEIVED_MESSAGES_FILE: {}", e.getMessage());
    }
  }

  private MllpResponse toResponse(PlannedReply reply, MllpRequest request) {
    if (reply.replyText().isEmpty()) {
      return reply.action() == ReplyAction.CLOSE
          ? MllpResponse.closeWithoutReply()
          : MllpResponse.noReply();
    }
    String text = reply.replyText().get();
    if (settings.splitAck()) {
      byte[] frame = MllpFrames.frame(text.getBytes(request.charset()));
      int half = frame.length / 2;
      return MllpResponse.raw(
          List.of(
              Arrays.copyOfRange(frame, 0, half), Arrays.copyOfRange(frame, half, frame.length)),
          SPLIT_PAUSE);
    }
    return settings.closeAfterAck() ? MllpResponse.replyAndClose(text) : MllpResponse.reply(text);
  }

  @Override
  public void onFrameTooLarge(MllpConnection connection, MllpFrameTooLarge rejection) {
    log.warn(
        "Connection {}: frame exceeds the maximum allowed size ({} bytes); closing the connection",
        connection.id(),
        rejection.limit());
  }
}
