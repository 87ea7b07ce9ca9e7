package io.integrationhub.bus.artemis;

/**
 * Keeps test logs short: Artemis' INFO start-up lines down to WARN (slf4j-simple reads these system
 * properties as each logger is created). The audit loggers, which print whole messages, are turned
 * down by the adapter itself ({@link EmbeddedBroker#quietAuditLogging()}).
 */
final class QuietArtemisLogs {
  private QuietArtemisLogs() {}

  static void apply() {
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.artemis", "warn");
  }
}
