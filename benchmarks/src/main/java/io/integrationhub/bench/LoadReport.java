package io.integrationhub.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The figures of one load run. */
record LoadReport(
    LoadOptions options,
    long elapsedNanos,
    long ok,
    long nacks,
    long errors,
    Histogram latencyMicros,
    int messageBytes) {

  double messagesPerSecond() {
    return ok * 1e9 / elapsedNanos;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "MLLP load against %s:%d: %d connection(s), %s, message %d bytes, %.1f s measured"
            + " after %d s warm-up%n"
            + "replies: %d positive ACKs, %d negative/mismatched, %d errors%n"
            + "throughput: %.0f msg/s%n"
            + "ACK latency (ms): p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f",
        options.host(),
        options.port(),
        options.connections(),
        options.ratePerSecond() > 0
            ? "target " + options.ratePerSecond() + " msg/s"
            : "unthrottled",
        messageBytes,
        elapsedNanos / 1e9,
        options.warmup().toSeconds(),
        ok,
        nacks,
        errors,
        messagesPerSecond(),
        latencyMicros.getValueAtPercentile(50) / 1000.0,
        latencyMicros.getValueAtPercentile(90) / 1000.0,
        latencyMicros.getValueAtPercentile(99) / 1000.0,
        latencyMicros.getValueAtPercentile(99.9) / 1000.0,
        latencyMicros.getMaxValue() / 1000.0);
  }
}
