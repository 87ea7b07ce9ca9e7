package io.integrationhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Options of {@link SenderLoad}.
 *
 * @param messages messages delivered in the measured window
 * @param warmupMessages messages delivered before the measured window starts
 * @param messageStore whether the sender writes the message-store copy ({@code
 *     MESSAGE_STORE_ENABLED})
 * @param completionDelay the sender's {@code MAX_COMPLETION_DELAY_MS}
 * @param envFile the sender's env file (the production values, before the benchmark's overrides)
 * @param topologyFile the bus topology (Service Bus emulator config)
 * @param dataDirectory journal folder; empty = a temporary folder deleted afterwards
 * @param logFile where all logging (the events' JSON lines included) goes; empty = stderr
 * @param message the body; MSH-10 is replaced with a unique id per message
 * @param timeout bound on the whole delivery (warm-up + measured)
 */
record SenderLoadOptions(
    int messages,
    int warmupMessages,
    boolean messageStore,
    Duration completionDelay,
    Path envFile,
    Path topologyFile,
    Optional<Path> dataDirectory,
    Optional<Path> logFile,
    String message,
    Duration timeout) {

  static final String USAGE =
      """
      Usage: SenderLoad [--messages 30000] [--warmup-messages 5000] [--store true|false]
                        [--completion-delay-ms 0] [--env local/mpi-hl7-sender.env]
                        [--topology local/ServiceBusEmulatorConfig.json] [--data DIR]
                        [--log-file FILE|-] [--message SAMPLE_OR_FILE] [--timeout-seconds 600]
        Pre-fills warm-up + measured messages on the sender's ingress queue/session of an
        embedded durable Artemis broker, then runs the sender (env file values, unthrottled)
        against the mock MPI, both in this JVM, until every message has its AA.
        --store       MESSAGE_STORE_ENABLED (the message-store copy of every message)
        --log-file    all logging, the sender's JSON events included; '-' = stderr;
                      default: sender-load.log in the temporary folder
        --message     an HL7 file or sample name; default: the 1.5 KB PHW-style sample""";

  static SenderLoadOptions parse(String... args) {
    int messages = 30_000;
    int warmupMessages = 5_000;
    boolean store = true;
    long completionDelayMillis = 0;
    Path env = Path.of("local", "mpi-hl7-sender.env");
    Path topology = Path.of("local", "ServiceBusEmulatorConfig.json");
    Path data = null;
    String logFile = Path.of(System.getProperty("java.io.tmpdir"), "sender-load.log").toString();
    String message = SampleMessages.phwA31();
    long timeoutSeconds = 600;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + name + "\n" + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--messages" -> messages = bounded(name, value, 1, 10_000_000);
        case "--warmup-messages" -> warmupMessages = bounded(name, value, 0, 10_000_000);
        case "--store" -> store = bool(name, value);
        case "--completion-delay-ms" -> completionDelayMillis = bounded(name, value, 0, 60_000);
        case "--env" -> env = Path.of(value);
        case "--topology" -> topology = Path.of(value);
        case "--data" -> data = Path.of(value);
        case "--log-file" -> logFile = value;
        case "--message" -> message = SampleMessages.load(value);
        case "--timeout-seconds" -> timeoutSeconds = bounded(name, value, 1, 3_600);
        default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
      }
    }
    return new SenderLoadOptions(
        messages,
        warmupMessages,
        store,
        Duration.ofMillis(completionDelayMillis),
        env,
        topology,
        Optional.ofNullable(data),
        logFile.equals("-") ? Optional.empty() : Optional.of(Path.of(logFile)),
        message,
        Duration.ofSeconds(timeoutSeconds));
  }

  /** Warm-up plus measured messages: what is pre-filled. */
  int totalMessages() {
    return warmupMessages + messages;
  }

  private static int bounded(String name, String value, int min, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + parsed);
    }
    return parsed;
  }

  private static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }
}
