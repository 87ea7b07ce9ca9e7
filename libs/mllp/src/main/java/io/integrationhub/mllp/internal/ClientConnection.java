package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.MllpConnectException;
import io.integrationhub.mllp.MllpConnectionClosedException;
import io.integrationhub.mllp.MllpException;
import io.integrationhub.mllp.MllpReplyTimeoutException;
import io.integrationhub.mllp.codec.MllpFrames;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One client connection: connect (plus TLS handshake), then request/reply exchanges. */
public final class ClientConnection {

  private final Channel channel;
  private final ReplyHandler replyHandler;

  private ClientConnection(Channel channel) {
    this.channel = channel;
    this.replyHandler = channel.pipeline().get(ReplyHandler.class);
  }

  /**
   * Connects and, with TLS, completes the handshake, all within the connect timeout.
   *
   * @param group the event loop group to use
   * @param config the client settings
   * @param sslContext the TLS context, or null for plain TCP
   * @return the open connection
   * @throws MllpConnectException when the connection or the handshake fails or times out
   * @throws MllpException when interrupted
   */
  public static ClientConnection open(
      EventLoopGroup group, MllpClientConfig config, SslContext sslContext) throws MllpException {
    String target = config.host() + ":" + config.port();
    long timeoutNanos = config.connectTimeout().toNanos();
    long deadline = System.nanoTime() + timeoutNanos;
    ChannelFuture connect =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .handler(new ClientChannelInitializer(config, sslContext))
            .connect(config.host(), config.port());
    // The channel's own connect timeout normally fires first; this bounds name resolution too.
    awaitOrFail(
        connect, timeoutNanos + TimeUnit.MILLISECONDS.toNanos(500), "connecting to " + target);
    if (!connect.isSuccess()) {
      throw new MllpConnectException(
          "Cannot connect to " + target + ": " + connect.cause(), connect.cause());
    }
    Channel channel = connect.channel();
    SslHandler ssl = channel.pipeline().get(SslHandler.class);
    if (ssl != null) {
      Future<Channel> handshake = ssl.handshakeFuture();
      long remaining = Math.max(0, deadline - System.nanoTime());
      try {
        awaitOrFail(handshake, remaining, "waiting for the TLS handshake with " + target);
      } catch (MllpException e) {
        channel.close();
        throw e;
      }
      if (!handshake.isSuccess()) {
        channel.close();
        throw new MllpConnectException(
            "TLS handshake with " + target + " failed: " + handshake.cause(), handshake.cause());
      }
    }
    return new ClientConnection(channel);
  }

  /**
   * Writes one framed message and waits for one full reply frame.
   *
   * @param payload the encoded message
   * @param replyTimeout how long to wait for the reply
   * @return the reply frame's payload
   * @throws StaleConnectionException when the connection was unusable; nothing was written
   * @throws MllpException when the exchange failed; the connection must then be discarded
   */
  public byte[] exchange(byte[] payload, Duration replyTimeout)
      throws StaleConnectionException, MllpException {
    long deadline = System.nanoTime() + replyTimeout.toNanos();
    CompletableFuture<Started> started = new CompletableFuture<>();
    try {
      // Checked and written in one event-loop task: no input read by the loop slips in between.
      channel.eventLoop().execute(() -> started.complete(startExchange(payload)));
    } catch (RejectedExecutionException e) {
      throw new StaleConnectionException("event loop shut down", false);
    }
    Started outcome = await(started, deadline, replyTimeout);
    if (outcome.staleness() != null) {
      throw outcome.staleness();
    }
    return await(outcome.reply(), deadline, replyTimeout);
  }

  /**
   * Whether the channel is still open.
   *
   * @return true when open
   */
  public boolean isActive() {
    return channel.isActive();
  }

  /** Closes the connection. */
  public void close() {
    channel.close();
  }

  private Started startExchange(byte[] payload) {
    StaleConnectionException staleness = replyHandler.staleness(channel);
    if (staleness != null) {
      return new Started(staleness, null);
    }
    CompletableFuture<byte[]> reply = replyHandler.expectReply();
    channel
        .writeAndFlush(MllpFrames.frame(channel.alloc(), payload))
        .addListener(
            write -> {
              if (!write.isSuccess()) {
                replyHandler.fail(
                    new MllpConnectionClosedException(
                        "Writing the message failed: " + write.cause(), write.cause()));
                channel.close();
              }
            });
    return new Started(null, reply);
  }

  private static <T> T await(CompletableFuture<T> future, long deadline, Duration replyTimeout)
      throws MllpException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new MllpReplyTimeoutException(replyTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MllpException("Interrupted while waiting for an MLLP reply", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MllpException failure) {
        throw failure;
      }
      throw new MllpConnectionClosedException(
          "MLLP exchange failed: " + e.getCause(), e.getCause());
    }
  }

  private static void awaitOrFail(Future<?> future, long timeoutNanos, String what)
      throws MllpException {
    boolean done;
    try {
      done = future.await(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new MllpException("Interrupted while " + what, e);
    }
    if (!done) {
      future.cancel(false);
      throw new MllpConnectException(
          "Timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms " + what, null);
    }
  }

  /** Either why nothing was sent, or the reply awaited. */
  private record Started(StaleConnectionException staleness, CompletableFuture<byte[]> reply) {}
}
