package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpMessageHandler;
import io.integrationhub.mllp.MllpServerConfig;
import io.integrationhub.mllp.codec.MllpFrameDecoder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits accepted connections up to the connection limit and builds their pipeline: optional TLS,
 * read-idle detection, the frame decoder and the per-connection handler.
 */
@ChannelHandler.Sharable
public final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

  private static final Logger log = LoggerFactory.getLogger(ServerChannelInitializer.class);

  private final MllpServerConfig config;
  private final MllpMessageHandler handler;
  private final SslContext sslContext;
  private final ChannelGroup connections;
  private final AtomicInteger admitted = new AtomicInteger();
  private volatile boolean accepting = true;

  /**
   * Creates the initializer.
   *
   * @param config the server settings
   * @param handler the application handler
   * @param sslContext the TLS context, or null for plain TCP
   * @param connections where admitted connections are registered (for shutdown)
   */
  public ServerChannelInitializer(
      MllpServerConfig config,
      MllpMessageHandler handler,
      SslContext sslContext,
      ChannelGroup connections) {
    this.config = config;
    this.handler = handler;
    this.sslContext = sslContext;
    this.connections = connections;
  }

  /**
   * Number of admitted connections that are still open.
   *
   * @return the count
   */
  public int admittedConnections() {
    return admitted.get();
  }

  /** Closes connections accepted from now on (the server is stopping). */
  public void stopAccepting() {
    accepting = false;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    if (!accepting) {
      channel.close();
      return;
    }
    if (admitted.incrementAndGet() > config.maxConnections()) {
      admitted.decrementAndGet();
      log.warn(
          "Connection from {} refused: limit of {} connections reached",
          channel.remoteAddress(),
          config.maxConnections());
      channel.close();
      return;
    }
    channel.closeFuture().addListener(closed -> admitted.decrementAndGet());
    connections.add(channel);

    ChannelPipeline pipeline = channel.pipeline();
    if (sslContext != null) {
      SslHandler ssl = sslContext.newHandler(channel.alloc());
      ssl.setHandshakeTimeoutMillis(config.readIdleTimeout().toMillis());
      pipeline.addLast("tls", ssl);
    }
    IdleStateHandler idle =
        new IdleStateHandler(config.readIdleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS);
    pipeline.addLast("idle", idle);
    pipeline.addLast("decoder", new MllpFrameDecoder(config.maxFrameBytes()));
    pipeline.addLast(
        "connection",
        new ServerConnectionHandler(
            handler, config.charset(), config.defaultCharset(), idle, config.readIdleTimeout()));
  }
}
