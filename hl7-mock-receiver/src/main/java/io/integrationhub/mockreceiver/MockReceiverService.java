package io.integrationhub.mockreceiver;

import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.mllp.MllpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts the MLLP listener, then the TCP health probe; stops them in reverse order. */
public final class MockReceiverService implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MockReceiverService.class);

  private final MllpServer mllpServer;
  private final TcpHealthCheckServer healthCheck;
  private final Optional<ReceivedMessageJournal> journal;
  private final Optional<EgressPublisher> egress;
  private volatile boolean running;

  public MockReceiverService(
      MllpServer mllpServer,
      TcpHealthCheckServer healthCheck,
      Optional<ReceivedMessageJournal> journal) {
    this(mllpServer, healthCheck, journal, Optional.empty());
  }

  MockReceiverService(
      MllpServer mllpServer,
      TcpHealthCheckServer healthCheck,
      Optional<ReceivedMessageJournal> journal,
      Optional<EgressPublisher> egress) {
    this.mllpServer = mllpServer;
    this.healthCheck = healthCheck;
    this.journal = journal;
    this.egress = egress;
  }

  /**
   * Builds a mock (not started) from its settings, without the bus copy: for running the mock
   * inside another program's tests or benchmarks.
   *
   * @throws IllegalStateException when the settings ask for a bus copy ({@code EGRESS_QUEUE_NAME})
   */
  public static MockReceiverService withoutBus(MockReceiverSettings settings) {
    return new MockReceiverConfiguration().mockReceiverService(settings, Optional::empty);
  }

  @Override
  public void start() {
    egress.ifPresent(EgressPublisher::open);
    mllpServer.start();
    try {
      healthCheck.start();
    } catch (IOException e) {
      mllpServer.stop();
      egress.ifPresent(EgressPublisher::close);
      throw new UncheckedIOException(e);
    }
    running = true;
    log.info("Mock receiver listening for MLLP on port {}", mllpServer.port());
  }

  @Override
  public void stop() {
    running = false;
    mllpServer.stop();
    healthCheck.close();
    egress.ifPresent(EgressPublisher::close);
    journal.ifPresent(
        j -> {
          try {
            j.close();
          } catch (IOException e) {
            log.warn("Closing RECEIVED_MESSAGES_FILE failed: {}", e.getMessage());
          }
        });
    log.info("Mock receiver stopped");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The bound MLLP port (the configured one, or the ephemeral one when PORT=0). */
  public int mllpPort() {
    return mllpServer.port();
  }

  public int healthCheckPort() {
    return healthCheck.port();
  }
}
