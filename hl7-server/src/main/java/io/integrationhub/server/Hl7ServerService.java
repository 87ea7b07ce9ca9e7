package io.integrationhub.server;

import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.store.MessageStoreClient;
import io.integrationhub.events.EventLogger;
import io.integrationhub.health.TcpHealthCheckServer;
import io.integrationhub.health.actuator.DeliveryHealth;
import io.integrationhub.hl7.validation.ValidationSettings;
import io.integrationhub.mllp.MllpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the server: starts the MLLP listener, then the TCP health probe (so a failed bind stops the
 * start-up before the probe says healthy, as the reference); on shutdown stops taking connections,
 * lets messages in flight finish (the MLLP server's grace period), then closes the publishers and
 * the event logger.
 */
public final class Hl7ServerService implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Hl7ServerService.class);

  private final ServerSettings settings;
  private final MllpServer mllp;
  private final TcpHealthCheckServer healthCheck;
  private final AutoCloseable egress;
  private final Optional<MessageStoreClient> store;
  private final EventLogger events;
  private volatile boolean running;

  Hl7ServerService(
      ServerSettings settings,
      MllpServer mllp,
      TcpHealthCheckServer healthCheck,
      AutoCloseable egress,
      Optional<MessageStoreClient> store,
      EventLogger events) {
    this.settings = settings;
    this.mllp = mllp;
    this.healthCheck = healthCheck;
    this.egress = egress;
    this.store = store;
    this.events = events;
  }

  /**
   * Builds a server (not started) from environment-style variables, on a given bus, exactly as the
   * Spring application does: for running a flow's server inside another program (end-to-end tests).
   *
   * @throws IllegalArgumentException naming a variable that is missing or wrong
   * @throws MessageBusException when the egress or message-store destination does not exist
   */
  public static Hl7ServerService create(
      Function<String, String> variables, MessageBus bus, EventLogger events)
      throws MessageBusException {
    Map<String, String> validation = new HashMap<>();
    for (String name : List.of(ValidationSettings.SCHEMA_DIR, ValidationSettings.STANDARD)) {
      String value = variables.apply(name);
      if (value != null) {
        validation.put(name, value);
      }
    }
    return ServerConfiguration.create(
        ServerSettings.from(variables),
        ValidationSettings.from(validation),
        bus,
        events,
        new DeliveryHealth());
  }

  @Override
  public void start() {
    mllp.start();
    try {
      healthCheck.start();
    } catch (IOException e) {
      mllp.stop();
      throw new UncheckedIOException(
          "Cannot open the TCP health probe on "
              + settings.healthCheck().host()
              + ":"
              + settings.healthCheck().port(),
          e);
    }
    running = true;
    log.info(
        "HL7 server {} listening for MLLP on {}:{} (flow {}, egress {} {} session {}); TCP health"
            + " probe on {}:{}",
        settings.microserviceId(),
        settings.host(),
        mllp.port(),
        settings.validationFlow().orElse("none"),
        settings.egress().topic() ? "topic" : "queue",
        settings.egress().name(),
        settings.egressSessionId(),
        settings.healthCheck().host(),
        healthCheck.port());
  }

  @Override
  public void stop() {
    running = false;
    healthCheck.close();
    mllp.stop();
    store.ifPresent(MessageStoreClient::close);
    try {
      egress.close();
    } catch (Exception e) {
      log.warn("Closing the egress publisher failed: {}", e.getMessage());
    }
    events.close();
    log.info("HL7 server {} stopped", settings.microserviceId());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The bound MLLP port (useful with PORT=0). */
  public int port() {
    return mllp.port();
  }

  /** The bound TCP health-probe port. */
  public int healthCheckPort() {
    return healthCheck.port();
  }

  MllpServer mllp() {
    return mllp;
  }
}
