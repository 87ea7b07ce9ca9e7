package io.integrationhub.sender;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.processing.ProcessorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's metrics (spec observability.md §2), with the base dimensions {@code workflow_id},
 * {@code microservice_id}, {@code health_board}, {@code peer_service}: {@code messages_sent} after
 * a positive ACK, {@code messages_possible_duplicate} for messages the receiver may have had twice,
 * {@code messages_failed} per failure kind, {@code delivery_seconds} (handler start to matching
 * ACK) and {@code retry_delay_seconds} per backoff with {@code queue} and a capped {@code attempt}.
 * Recording never throws: a metric can never change a message's outcome.
 */
public final class SenderMetrics implements ProcessorListener {

  private static final Logger log = LoggerFactory.getLogger(SenderMetrics.class);

  /** Attempts from here on share one label, so a long outage does not add a series per retry. */
  private static final int MAX_ATTEMPT_LABEL = 8;

  private final MeterRegistry registry;
  private final Tags base;
  private final String queue;
  private final Counter sent;
  private final Counter possibleDuplicates;
  private final Timer delivery;

  /** Registers the meters in {@code registry}. */
  public SenderMetrics(MeterRegistry registry, SenderSettings settings) {
    this.registry = registry;
    this.base =
        Tags.of(
            "workflow_id", settings.workflowId(),
            "microservice_id", settings.microserviceId(),
            "health_board", settings.healthBoard(),
            "peer_service", settings.peerService());
    this.queue = settings.source().label();
    this.sent = registry.counter("messages_sent", base);
    this.possibleDuplicates = registry.counter("messages_possible_duplicate", base);
    this.delivery =
        Timer.builder("delivery_seconds")
            .description("From the handler taking a message to its matching positive ACK")
            .tags(base)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  /** The delivery-time timer (handler start to matching ACK), with its p50 and p99. */
  public Timer deliveryTimer() {
    return delivery;
  }

  void sent(long handlerNanos) {
    safely(
        () -> {
          sent.increment();
          delivery.record(handlerNanos, TimeUnit.NANOSECONDS);
        });
  }

  void possibleDuplicate() {
    safely(possibleDuplicates::increment);
  }

  void failed(String kind) {
    safely(() -> registry.counter("messages_failed", base.and("kind", kind)).increment());
  }

  @Override
  public void onRetryScheduled(Duration delay, int attempt) {
    String label =
        attempt >= MAX_ATTEMPT_LABEL ? MAX_ATTEMPT_LABEL + "+" : Integer.toString(attempt);
    safely(
        () ->
            DistributionSummary.builder("retry_delay_seconds")
                .baseUnit("seconds")
                .tags(base.and("queue", queue, "attempt", label))
                .register(registry)
                .record(delay.toMillis() / 1000.0));
  }

  @Override
  public void onDeadLettered(ReceivedMessage message, String reason) {
    failed("dead_lettered");
  }

  private static void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      log.warn("Recording a metric failed: {}", e.toString());
    }
  }
}
