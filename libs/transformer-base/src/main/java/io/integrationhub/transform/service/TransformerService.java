package io.integrationhub.transform.service;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.processing.ProcessorOptions;
import io.integrationhub.bus.processing.SessionProcessor;
import io.integrationhub.events.EventLogger;
import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.transform.FlowTransformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a transformer: the processing loop on the ingress queue/session (one message at a time, in
 * order), the egress publisher and the TCP health probe. Stopping lets the message in hand finish.
 */
public final class TransformerService implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TransformerService.class);

  private final TransformerSettings settings;
  private final MessagePublisher egress;
  private final SessionProcessor processor;
  private final TcpHealthCheckServer healthCheck;
  private final EventLogger events;
  private volatile boolean running;

  /**
   * Builds the service (not started).
   *
   * @throws MessageBusException when the egress queue does not exist
   */
  public TransformerService(
      FlowTransformer transformer, TransformerSettings settings, MessageBus bus, EventLogger events)
      throws MessageBusException {
    this.settings = settings;
    this.events = events;
    this.egress = bus.publisher(Destination.queue(settings.egressQueue()));
    this.processor =
        SessionProcessor.builder(bus, Source.queue(settings.ingressQueue()))
            .sessionId(settings.ingressSessionId())
            .handler(new TransformingHandler(transformer, egress, settings, events))
            .options(ProcessorOptions.builder().batchSize(settings.maxBatchSize()).build())
            .build();
    this.healthCheck = new TcpHealthCheckServer(settings.healthCheck());
  }

  @Override
  public void start() {
    processor.start();
    try {
      healthCheck.start();
    } catch (IOException e) {
      processor.stop(Duration.ofSeconds(10));
      throw new UncheckedIOException("Cannot open the TCP health probe", e);
    }
    running = true;
    log.info(
        "Transformer {} consuming {}{} and publishing to {}{}",
        settings.microserviceId(),
        settings.ingressQueue(),
        settings.ingressSessionId().map(s -> " (session " + s + ")").orElse(""),
        settings.egressQueue(),
        settings.egressSessionId().map(s -> " (session " + s + ")").orElse(""));
  }

  @Override
  public void stop() {
    running = false;
    processor.stop(Duration.ofSeconds(30));
    healthCheck.close();
    egress.close();
    events.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The TCP probe's port. */
  public int healthCheckPort() {
    return healthCheck.port();
  }
}
