package io.integrationhub.sender;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.processing.ProcessorOptions;
import io.integrationhub.bus.processing.SessionProcessor;
import io.integrationhub.bus.store.MessageStoreClient;
import io.integrationhub.events.EventLogger;
import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a sender (spec hl7-sender.md §3): the processing loop on the ingress queue/session (or topic
 * subscription), the MLLP delivery, the message-store client and the TCP health probe.
 *
 * <p>Unlike the reference, an unreachable receiver does not stop the start-up: the service starts,
 * logs it, and its messages wait on the bus with back-off until the receiver is there. Stopping
 * (§13) takes no new message, wakes a send waiting for the throttle (that message is abandoned,
 * unsent), lets a send in progress finish until the stop timeout, then closes everything.
 */
public final class SenderService implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SenderService.class);

  private final SenderSettings settings;
  private final MessageThrottler throttler;
  private final MllpDelivery delivery;
  private final Optional<MessageStoreClient> store;
  private final SessionProcessor processor;
  private final TcpHealthCheckServer healthCheck;
  private final EventLogger events;
  private final Duration stopTimeout;
  private final int batchSize;
  private volatile boolean running;

  /**
   * Builds the service (not started).
   *
   * @param options processing-loop tuning; {@link #processorOptions(SenderSettings)} gives the
   *     defaults for the settings
   * @throws MessageBusException when the message-store queue does not exist
   */
  public SenderService(
      SenderSettings settings,
      MessageBus bus,
      EventLogger events,
      SenderMetrics metrics,
      DeliveryHealth receiverHealth,
      ProcessorOptions options)
      throws MessageBusException {
    this.settings = settings;
    this.events = events;
    this.stopTimeout = options.stopTimeout();
    this.batchSize = options.batchSize();
    this.throttler = new MessageThrottler(settings.maxMessagesPerMinute());
    this.store = messageStore(settings, bus);
    this.delivery =
        new MllpDelivery(
            new MllpClient(
                MllpClientConfig.builder(settings.receiverHost(), settings.receiverPort())
                    .connectTimeout(settings.connectTimeout())
                    .build()),
            settings.ackTimeout(),
            target(settings));
    this.processor =
        SessionProcessor.builder(bus, settings.source())
            .sessionId(settings.sessionId())
            .handler(
                new SendingHandler(
                    settings, delivery, throttler, store, events, metrics, receiverHealth))
            .options(options)
            .listener(metrics)
            .build();
    this.healthCheck = new TcpHealthCheckServer(settings.healthCheck());
  }

  /**
   * The loop's tuning for {@code settings}: the batch size of spec §8.2 (so a throttled batch fits
   * in the lock-renewal window) and the completion delay.
   */
  public static ProcessorOptions.Builder processorOptions(SenderSettings settings) {
    return ProcessorOptions.builder()
        .batchSize(BatchSizing.batchSize(settings.maxMessagesPerMinute(), settings.maxBatchSize()))
        .maxCompletionDelay(settings.maxCompletionDelay());
  }

  private static Optional<MessageStoreClient> messageStore(SenderSettings settings, MessageBus bus)
      throws MessageBusException {
    if (settings.messageStoreQueue().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MessageStoreClient(
            bus.publisher(Destination.queue(settings.messageStoreQueue().get())),
            settings.microserviceId(),
            settings.peerService(),
            settings.sessionId().orElse("")));
  }

  @Override
  public void start() {
    delivery.tryConnect();
    try {
      healthCheck.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the TCP health probe", e);
    }
    processor.start();
    running = true;
    log.info(
        "Sender {} consuming {}{}, delivering to {} (ACK timeout {} s, {}, {} message(s) per"
            + " receive, message store {})",
        settings.microserviceId(),
        settings.source().label(),
        settings.sessionId().map(s -> " (session " + s + ")").orElse(""),
        target(settings),
        settings.ackTimeout().toSeconds(),
        settings.maxMessagesPerMinute().isPresent()
            ? "at most " + settings.maxMessagesPerMinute().getAsInt() + " per minute"
            : "unthrottled",
        batchSize,
        settings.messageStoreQueue().orElse("off"));
  }

  @Override
  public void stop() {
    running = false;
    throttler.close();
    if (!processor.stop(stopTimeout)) {
      log.warn("The sender's processing loop did not end in time");
    }
    delivery.close();
    store.ifPresent(MessageStoreClient::close);
    healthCheck.close();
    events.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether the processing loop is running (false once it stopped). */
  public boolean isProcessing() {
    return processor.isRunning();
  }

  /** The TCP probe's port. */
  public int healthCheckPort() {
    return healthCheck.port();
  }

  static String target(SenderSettings settings) {
    return settings.receiverHost() + ":" + settings.receiverPort();
  }
}
