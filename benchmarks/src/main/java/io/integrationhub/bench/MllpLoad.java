package io.integrationhub.bench;

import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.MllpException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * MLLP load tool: N connections each send a message, wait for its ACK, and send the next. Reports
 * messages per second and ACK latency percentiles. With {@code --rate}, each connection follows a
 * fixed schedule and latency is measured from the scheduled send time, so a stalled server shows up
 * in the percentiles instead of being hidden (no coordinated omission).
 */
public final class MllpLoad {
  private final LoadOptions options;
  private final Recorder latencies = new Recorder(3);
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong nacks = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean stopping;

  MllpLoad(LoadOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(new MllpLoad(options).run());
  }

  /** Runs the warm-up and the measured period, then returns the report. */
  LoadReport run() throws InterruptedException {
    EventLoopGroup group = new NioEventLoopGroup(Math.min(options.connections(), 4));
    List<Thread> workers = new ArrayList<>();
    try {
      for (int i = 0; i < options.connections(); i++) {
        int connection = i;
        workers.add(Thread.ofPlatform().name("load-" + i).start(() -> sendLoop(connection, group)));
      }
      Thread.sleep(options.warmup().toMillis());
      latencies.reset();
      ok.set(0);
      nacks.set(0);
      errors.set(0);
      measuring = true;
      long start = System.nanoTime();
      Thread.sleep(options.duration().toMillis());
      measuring = false;
      long elapsed = System.nanoTime() - start;
      Histogram histogram = latencies.getIntervalHistogram();
      stopping = true;
      for (Thread worker : workers) {
        worker.join(options.replyTimeout().toMillis() + 1000);
      }
      return new LoadReport(
          options,
          elapsed,
          ok.get(),
          nacks.get(),
          errors.get(),
          histogram,
          options.message().getBytes(StandardCharsets.UTF_8).length);
    } finally {
      stopping = true;
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private void sendLoop(int connection, EventLoopGroup group) {
    MllpClientConfig config =
        MllpClientConfig.builder()
            .host(options.host())
            .port(options.port())
            .eventLoopGroup(group)
            .build();
    long intervalNanos =
        options.ratePerSecond() > 0
            ? 1_000_000_000L * options.connections() / options.ratePerSecond()
            : 0;
    long next = System.nanoTime() + (intervalNanos * connection / options.connections());
    long sequence = 0;
    try (MllpClient client = new MllpClient(config)) {
      while (!stopping) {
        if (intervalNanos > 0) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        String controlId = "L" + connection + "-" + sequence++;
        String message = SampleMessages.withControlId(options.message(), controlId);
        long sentAt = intervalNanos > 0 ? next : System.nanoTime();
        next += intervalNanos;
        try {
          String reply = client.send(message, options.replyTimeout());
          record(sentAt, AckCheck.acknowledges(reply, controlId));
        } catch (MllpException e) {
          if (measuring) {
            errors.incrementAndGet();
          }
        }
      }
    }
  }

  private void record(long sentAt, boolean positive) {
    if (!measuring) {
      return;
    }
    latencies.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1000));
    (positive ? ok : nacks).incrementAndGet();
  }
}
