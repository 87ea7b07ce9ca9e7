package io.integrationhub.mllp;

import io.integrationhub.mllp.internal.ServerChannelInitializer;
import io.integrationhub.mllp.internal.ServerConnectionHandler;
import io.integrationhub.mllp.internal.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLLP server: accepts persistent connections and hands every frame, in order, to a {@link
 * MllpMessageHandler}. Each connection has at most one message in flight; replies therefore go out
 * in frame order. Start once with {@link #start()}, stop with {@link #stop()} or {@link #close()};
 * a stopped server cannot be restarted.
 */
public final class MllpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MllpServer.class);
  private static final long EVENT_LOOP_SHUTDOWN_SECONDS = 5;

  private enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final MllpServerConfig config;
  private final MllpMessageHandler handler;
  private final Object lifecycleLock = new Object();

  private volatile State state = State.NEW;
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;
  private ChannelGroup connections;
  private volatile ServerChannelInitializer initializer;
  private volatile int port = -1;

  /**
   * Creates a server; nothing is bound until {@link #start()}.
   *
   * @param config the settings
   * @param handler receives the frames
   */
  public MllpServer(MllpServerConfig config, MllpMessageHandler handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Loads the TLS material and binds the listening socket; returns once the server accepts
   * connections.
   *
   * @throws MllpServerStartException when the TLS material cannot be loaded or the bind fails
   * @throws IllegalStateException when already started or stopped
   */
  public void start() {
    synchronized (lifecycleLock) {
      if (state != State.NEW) {
        throw new IllegalStateException(
            "MLLP server already " + state.name().toLowerCase(java.util.Locale.ROOT));
      }
      SslContext sslContext = null;
      if (config.tls().isPresent()) {
        try {
          sslContext = TlsContexts.forServer(config.tls().get());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
          throw new MllpServerStartException(
              "Cannot load the TLS material of the MLLP server: " + e.getMessage(), e);
        }
      }
      bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("mllp-boss"));
      workerGroup = new NioEventLoopGroup(0, new DefaultThreadFactory("mllp-worker"));
      connections = new DefaultChannelGroup("mllp-connections", GlobalEventExecutor.INSTANCE);
      ServerChannelInitializer channelInitializer =
          new ServerChannelInitializer(config, handler, sslContext, connections);
      ChannelFuture bind =
          new ServerBootstrap()
              .group(bossGroup, workerGroup)
              .channel(NioServerSocketChannel.class)
              .childHandler(channelInitializer)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.SO_KEEPALIVE, true)
              // A client may send its frame and shut down its output; it still gets its reply.
              .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
              .bind(config.host(), config.port())
              .awaitUninterruptibly();
      if (!bind.isSuccess()) {
        shutDownEventLoops();
        throw new MllpServerStartException(
            "Cannot bind the MLLP server to "
                + config.host()
                + ":"
                + config.port()
                + ": "
                + bind.cause(),
            bind.cause());
      }
      serverChannel = bind.channel();
      initializer = channelInitializer;
      port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
      state = State.RUNNING;
      log.info(
          "MLLP server listening on {}:{} (tls={}, maxFrameBytes={}, maxConnections={})",
          config.host(),
          port,
          sslContext != null,
          config.maxFrameBytes(),
          config.maxConnections());
    }
  }

  /**
   * The port the server listens on (the actual one when configured with port 0).
   *
   * @return the bound port
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    int bound = port;
    if (bound < 0) {
      throw new IllegalStateException("MLLP server not started");
    }
    return bound;
  }

  /**
   * Whether the server accepts connections.
   *
   * @return true between a successful start and the beginning of a stop
   */
  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Number of open connections (refused connections over the limit are not counted).
   *
   * @return the count, 0 before start
   */
  public int activeConnections() {
    ServerChannelInitializer current = initializer;
    return current == null ? 0 : current.admittedConnections();
  }

  /**
   * Stops gracefully: closes the listening socket first, lets messages in flight finish and their
   * replies be written for up to the shutdown grace period (frames queued behind them are not
   * processed and get no reply), then closes every connection and shuts the event loops down.
   * Idempotent. Must not be called from a handler callback.
   */
  public void stop() {
    synchronized (lifecycleLock) {
      if (state != State.RUNNING) {
        return;
      }
      state = State.STOPPING;
      serverChannel.close().awaitUninterruptibly();
      initializer.stopAccepting();
      for (Channel connection : connections) {
        drain(connection);
      }
      long graceMillis = config.shutdownGracePeriod().toMillis();
      if (!connections.newCloseFuture().awaitUninterruptibly(graceMillis)) {
        log.warn(
            "{} MLLP connection(s) still busy after the {} ms grace period; closing them",
            connections.size(),
            graceMillis);
      }
      connections.close().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
      shutDownEventLoops();
      state = State.STOPPED;
      log.info("MLLP server on port {} stopped", port);
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private static void drain(Channel connection) {
    try {
      connection
          .eventLoop()
          .execute(
              () -> {
                ServerConnectionHandler handler =
                    connection.pipeline().get(ServerConnectionHandler.class);
                if (handler != null) {
                  handler.drainAndClose();
                } else {
                  connection.close();
                }
              });
    } catch (RejectedExecutionException e) {
      connection.close();
    }
  }

  private void shutDownEventLoops() {
    bossGroup.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    workerGroup.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    bossGroup
        .terminationFuture()
        .awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    workerGroup
        .terminationFuture()
        .awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
  }
}
