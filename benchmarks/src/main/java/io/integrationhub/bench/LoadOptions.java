package io.integrationhub.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of {@link MllpLoad}. */
record LoadOptions(
    String host,
    int port,
    int connections,
    Duration duration,
    Duration warmup,
    int ratePerSecond,
    String message,
    Duration replyTimeout) {

  static final String USAGE =
      """
      Usage: MllpLoad --port N [--host 127.0.0.1] [--connections 16] [--seconds 20]
                      [--warmup-seconds 5] [--rate 0] [--message FILE] [--timeout-ms 5000]
        --rate        total messages per second across all connections; 0 = as fast as possible
        --message     an HL7 file (CR-separated); default: the 1.5 KB PHW-style sample
      Sends only to loopback addresses; stops by itself after warm-up + measured seconds.""";

  static LoadOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Unexpected argument '" + args[i] + "'\n" + USAGE);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    if (!values.containsKey("port")) {
      throw new IllegalArgumentException("--port is required\n" + USAGE);
    }
    LoadOptions options =
        new LoadOptions(
            values.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(values.get("port")),
            Integer.parseInt(values.getOrDefault("connections", "16")),
            Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "20"))),
            Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup-seconds", "5"))),
            Integer.parseInt(values.getOrDefault("rate", "0")),
            values.containsKey("message")
                ? SampleMessages.load(values.get("message"))
                : SampleMessages.phwA31(),
            Duration.ofMillis(Long.parseLong(values.getOrDefault("timeout-ms", "5000"))));
    options.requireLoopback();
    return options;
  }

  private void requireLoopback() {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("Load is only sent to loopback addresses, not " + host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host " + host, e);
    }
    if (connections < 1 || duration.isZero() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("Need >= 1 connection and 1-600 measured seconds");
    }
  }
}
