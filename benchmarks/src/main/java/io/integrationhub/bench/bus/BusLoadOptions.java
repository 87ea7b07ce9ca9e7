package io.integrationhub.bench.bus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Options of {@link BusLoad}.
 *
 * @param scenario {@code all}, {@code one-session}, {@code four-sessions} or {@code latency}
 * @param warmup time run before measuring, per scenario
 * @param duration measured time, per scenario
 * @param sessions sessions (publisher + receiver pairs) of the multi-session scenario
 * @param rate messages per second of the latency scenario
 * @param maxInFlight unconfirmed async sends allowed per publisher
 * @param dataDirectory journal folder; empty = a temporary folder deleted afterwards
 * @param message the body (a 1.5 KB PHW-style sample by default)
 * @param journalBufferMicros the broker's journal buffer timeout
 * @param receiveWindowBytes the receivers' prefetch window
 * @param maxBacklog messages a session's publisher may be ahead of its receiver
 * @param queuePerSession each session on its own queue (true) or all sharing one queue (false)
 */
record BusLoadOptions(
    String scenario,
    Duration warmup,
    Duration duration,
    int sessions,
    int rate,
    int maxInFlight,
    Optional<Path> dataDirectory,
    String message,
    int journalBufferMicros,
    int receiveWindowBytes,
    int maxBacklog,
    boolean queuePerSession,
    boolean completeInBatches) {

  static final String USAGE =
      "usage: BusLoad [--scenario all|one-session|four-sessions|latency] [--seconds N]"
          + " [--warmup-seconds N] [--sessions N] [--rate N] [--max-in-flight N] [--data DIR]"
          + " [--message SAMPLE_OR_FILE] [--journal-buffer-us N] [--receive-window-bytes N]"
          + " [--max-backlog N] [--queue-per-session true|false]"
          + " [--complete-in-batches true|false]";

  static BusLoadOptions parse(String... args) {
    String scenario = "all";
    int seconds = 10;
    int warmupSeconds = 3;
    int sessions = 4;
    int rate = 1_000;
    int maxInFlight = 1_000;
    Path data = null;
    String message = io.integrationhub.bench.SampleMessages.phwA31();
    int journalBufferMicros = 100;
    int receiveWindowBytes = 64 * 1024;
    int maxBacklog = 2_000;
    boolean queuePerSession = false;
    boolean completeInBatches = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + name + "\n" + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--scenario" -> scenario = value.toLowerCase(Locale.ROOT);
        case "--seconds" -> seconds = positive(name, value);
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
        case "--sessions" -> sessions = positive(name, value);
        case "--rate" -> rate = positive(name, value);
        case "--max-in-flight" -> maxInFlight = positive(name, value);
        case "--data" -> data = Path.of(value);
        case "--message" -> message = io.integrationhub.bench.SampleMessages.load(value);
        case "--journal-buffer-us" -> journalBufferMicros = Integer.parseInt(value);
        case "--receive-window-bytes" -> receiveWindowBytes = Integer.parseInt(value);
        case "--max-backlog" -> maxBacklog = positive(name, value);
        case "--queue-per-session" -> queuePerSession = Boolean.parseBoolean(value);
        case "--complete-in-batches" -> completeInBatches = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
      }
    }
    if (!java.util.List.of("all", "one-session", "four-sessions", "latency").contains(scenario)) {
      throw new IllegalArgumentException("Unknown scenario " + scenario + "\n" + USAGE);
    }
    if (seconds > 600 || warmupSeconds < 0 || warmupSeconds > 120) {
      throw new IllegalArgumentException(
          "Runs are bounded: --seconds <= 600, --warmup-seconds 0-120");
    }
    return new BusLoadOptions(
        scenario,
        Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(seconds),
        sessions,
        rate,
        maxInFlight,
        Optional.ofNullable(data),
        message,
        journalBufferMicros,
        receiveWindowBytes,
        maxBacklog,
        queuePerSession,
        completeInBatches);
  }

  private static int positive(String name, String value) {
    int parsed = Integer.parseInt(value);
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return parsed;
  }
}
