package io.integrationhub.bus.artemis;

import io.integrationhub.bus.MessageBusException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process broker: persistence on (NIO journal in the data directory), security off, an in-VM
 * acceptor (plus a loopback TCP acceptor when asked), nothing created automatically.
 */
final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final AtomicInteger SERVER_IDS = new AtomicInteger(4_200);

  /** Artemis' audit loggers: at INFO they print every message with its properties. */
  static final String AUDIT_LOGGERS = "org.apache.activemq.audit";

  private static final String AUDIT_MESSAGE_LOGGER = AUDIT_LOGGERS + ".message";

  /** System property that keeps Artemis' audit logging as the logging setup has it. */
  static final String KEEP_AUDIT_LOGGING = "inthub.artemis.auditLogging";

  private final ActiveMQServer server;
  private final int serverId;

  private EmbeddedBroker(ActiveMQServer server, int serverId) {
    this.server = server;
    this.serverId = serverId;
  }

  static EmbeddedBroker start(ArtemisOptions options) throws MessageBusException {
    quietAuditLogging();
    int serverId = SERVER_IDS.incrementAndGet();
    Path data = options.dataDirectory().toAbsolutePath();
    try {
      Configuration config =
          new ConfigurationImpl()
              .setName("inthub-embedded-" + serverId)
              .setPersistenceEnabled(options.persistent())
              .setSecurityEnabled(false)
              .setJMXManagementEnabled(false)
              .setJournalType(JournalType.NIO)
              .setJournalDirectory(data.resolve("journal").toString())
              .setBindingsDirectory(data.resolve("bindings").toString())
              .setPagingDirectory(data.resolve("paging").toString())
              .setLargeMessagesDirectory(data.resolve("large-messages").toString())
              .setNodeManagerLockDirectory(data.toString())
              .setJournalSyncTransactional(true)
              .setJournalSyncNonTransactional(true)
              .setJournalBufferTimeout_NIO((int) options.journalBufferTimeout().toNanos())
              .setJournalMinFiles(2)
              .setJournalPoolFiles(4)
              .setMessageExpiryScanPeriod(5_000)
              .addAcceptorConfiguration(
                  new TransportConfiguration(
                      InVMAcceptorFactory.class.getName(),
                      Map.of(TransportConstants.SERVER_ID_PROP_NAME, serverId),
                      "in-vm"))
              .addAddressSetting("#", brokerDefaults());
      if (options.acceptorPort().isPresent()) {
        config.addAcceptorConfiguration(
            "tcp", "tcp://127.0.0.1:" + options.acceptorPort().get() + "?protocols=CORE");
      }
      ActiveMQServer server = ActiveMQServers.newActiveMQServer(config, options.persistent());
      server.start();
      if (!server.waitForActivation(30, java.util.concurrent.TimeUnit.SECONDS)) {
        server.stop();
        throw new MessageBusException("Embedded Artemis broker did not activate within 30 s");
      }
      LOG.info(
          "Embedded Artemis broker started (persistent={}, data={}, tcp={})",
          options.persistent(),
          data,
          options.acceptorPort().map(p -> "127.0.0.1:" + p).orElse("off"));
      if (LoggerFactory.getLogger(AUDIT_MESSAGE_LOGGER).isInfoEnabled()) {
        LOG.warn(
            "Artemis audit logging is on: it writes message properties (patient data) to the log."
                + " Set the logger {} to WARN",
            AUDIT_LOGGERS);
      }
      return new EmbeddedBroker(server, serverId);
    } catch (MessageBusException e) {
      throw e;
    } catch (Exception e) {
      throw new MessageBusException(
          "Cannot start the embedded Artemis broker in "
              + data
              + ": "
              + MessageBusException.describe(e),
          e);
    }
  }

  /**
   * Patient data must not reach the logs (architecture invariant 5), but Artemis' audit loggers
   * print whole messages at INFO, which is the default level of a Spring Boot service. Unless
   * {@code -Dinthub.artemis.auditLogging=true}, this sets them to WARN before the broker creates
   * them: through logback when that is the backend (reflection, so logback stays optional), and
   * through slf4j-simple's system property otherwise.
   */
  static void quietAuditLogging() {
    if (Boolean.getBoolean(KEEP_AUDIT_LOGGING)) {
      return;
    }
    String simpleLoggerKey = "org.slf4j.simpleLogger.log." + AUDIT_LOGGERS;
    if (System.getProperty(simpleLoggerKey) == null) {
      System.setProperty(simpleLoggerKey, "warn");
    }
    Object audit = LoggerFactory.getLogger(AUDIT_LOGGERS);
    if (!"ch.qos.logback.classic.Logger".equals(audit.getClass().getName())) {
      return;
    }
    try {
      Class<?> level =
          Class.forName("ch.qos.logback.classic.Level", true, audit.getClass().getClassLoader());
      Object warn = level.getField("WARN").get(null);
      audit.getClass().getMethod("setLevel", level).invoke(audit, warn);
      LOG.debug("Artemis audit loggers set to WARN (keep them with -D{}=true)", KEEP_AUDIT_LOGGING);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("Could not set the Artemis audit loggers to WARN", e);
    }
  }

  /**
   * Defaults for every address: no auto-creation (an unknown name is an error, not a new queue),
   * immediate redelivery (the processing loop does the backoff; a broker delay would reorder a
   * session), unlimited deliveries and no dead-letter or expiry address unless an entity sets them
   * (so nothing is ever dropped by a default).
   */
  private static AddressSettings brokerDefaults() {
    return new AddressSettings()
        .setAutoCreateAddresses(false)
        .setAutoCreateQueues(false)
        .setAutoDeleteAddresses(false)
        .setAutoDeleteQueues(false)
        .setAutoCreateDeadLetterResources(false)
        .setAutoCreateExpiryResources(false)
        .setRedeliveryDelay(0L)
        .setMaxDeliveryAttempts(-1)
        .setDeadLetterAddress(SimpleString.of(""))
        .setExpiryAddress(SimpleString.of(""));
  }

  /** The transport a client in this JVM uses to reach the broker. */
  TransportConfiguration inVmConnector() {
    return new TransportConfiguration(
        InVMConnectorFactory.class.getName(),
        Map.of(TransportConstants.SERVER_ID_PROP_NAME, serverId));
  }

  @Override
  public void close() {
    try {
      server.stop();
      LOG.info("Embedded Artemis broker stopped");
    } catch (Exception e) {
      LOG.warn("Stopping the embedded Artemis broker failed: {}", MessageBusException.describe(e));
    }
  }
}
