package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpConnection;
import io.integrationhub.mllp.MllpEncodingException;
import io.integrationhub.mllp.MllpMessageHandler;
import io.integrationhub.mllp.MllpRequest;
import io.integrationhub.mllp.MllpResponse;
import io.integrationhub.mllp.codec.MllpCharsets;
import io.integrationhub.mllp.codec.MllpFrame;
import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import io.integrationhub.mllp.codec.MllpFrames;
import io.integrationhub.mllp.codec.MllpPayloadEncoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection state of the server: hands frames to the application handler one at a time, in
 * order, and writes the responses. While a message is in flight reading is paused and further
 * frames already decoded wait in a queue. Confined to the channel's event loop.
 */
public final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ServerConnectionHandler.class);

  private final MllpMessageHandler handler;
  private final Optional<Charset> configuredCharset;
  private final Charset defaultCharset;
  private final IdleStateHandler idleStateHandler;
  private final Duration readIdleTimeout;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();

  private ChannelHandlerContext ctx;
  private MllpConnection connection;
  private boolean inFlight;
  private boolean processing;
  private boolean draining;
  private boolean inputShutdown;
  private boolean closing;

  /**
   * Creates the handler for one connection.
   *
   * @param handler the application handler
   * @param configuredCharset fixed payload charset, if any
   * @param defaultCharset fallback charset
   * @param idleStateHandler the connection's idle detector, reset when a message completes
   * @param readIdleTimeout the idle timeout, for logs
   */
  public ServerConnectionHandler(
      MllpMessageHandler handler,
      Optional<Charset> configuredCharset,
      Charset defaultCharset,
      IdleStateHandler idleStateHandler,
      Duration readIdleTimeout) {
    this.handler = handler;
    this.configuredCharset = configuredCharset;
    this.defaultCharset = defaultCharset;
    this.idleStateHandler = idleStateHandler;
    this.readIdleTimeout = readIdleTimeout;
  }

  /**
   * Stops reading; closes the connection now when idle, else once the message in flight has been
   * answered. Frames queued behind it are not processed (they were never acknowledged). Call on the
   * event loop.
   */
  public void drainAndClose() {
    draining = true;
    ctx.channel().config().setAutoRead(false);
    if (!inFlight) {
      close();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    boolean tls = ctx.pipeline().get(SslHandler.class) != null;
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    connection =
        new MllpConnection(ctx.channel().id().asShortText(), remote, tls, Optional.empty());
    log.debug("Connection {} opened from {} (tls={})", connection.id(), remote, tls);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    if (!queue.isEmpty() || inFlight) {
      log.debug(
          "Connection {} closed with {} unanswered frame(s)",
          id(),
          queue.size() + (inFlight ? 1 : 0));
    } else {
      log.debug("Connection {} closed", id());
    }
    queue.clear();
    if (connection != null) {
      try {
        handler.onConnectionClosed(connection);
      } catch (RuntimeException e) {
        log.warn("Connection {}: onConnectionClosed failed: {}", id(), e.getClass().getName());
      }
    }
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case MllpFrame frame -> queue.add(new ReceivedFrame(frame, Instant.now()));
      case MllpFrameTooLarge rejection -> queue.add(rejection);
      default -> {
        ReferenceCountUtil.release(msg);
        return;
      }
    }
    processQueue();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      if (!inFlight && queue.isEmpty() && !closing) {
        log.debug("Connection {} idle for {} ms; closing", id(), readIdleTimeout.toMillis());
        close();
      }
      return;
    }
    if (evt instanceof SslHandshakeCompletionEvent handshake) {
      onHandshake(handshake);
    } else if (evt instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (!inFlight && queue.isEmpty()) {
        close();
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException || cause.getCause() instanceof SSLException) {
      // Resets and TLS failures are routine network noise; handshake failures are logged above.
      log.debug("Connection {} failed: {}", id(), cause.toString());
    } else {
      log.warn("Connection {} failed; closing: {}", id(), cause.toString());
    }
    close();
  }

  private void onHandshake(SslHandshakeCompletionEvent handshake) {
    if (!handshake.isSuccess()) {
      log.info(
          "Connection {} from {}: TLS handshake failed: {}",
          id(),
          ctx.channel().remoteAddress(),
          handshake.cause().toString());
      return;
    }
    Optional<String> principal = Optional.empty();
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    try {
      principal = Optional.of(ssl.engine().getSession().getPeerPrincipal().getName());
    } catch (SSLPeerUnverifiedException e) {
      // No client certificate: fine unless clientAuth is REQUIRE, which fails the handshake.
    }
    connection = new MllpConnection(connection.id(), connection.remoteAddress(), true, principal);
    log.debug("Connection {}: TLS established (peer {})", id(), principal.orElse("anonymous"));
  }

  private void processQueue() {
    if (processing) {
      return; // a synchronous completion inside the loop below: the loop continues
    }
    processing = true;
    try {
      while (!inFlight && !closing) {
        if (draining) {
          close();
          return;
        }
        Object next = queue.poll();
        if (next == null) {
          if (inputShutdown) {
            close();
          } else {
            ctx.channel().config().setAutoRead(true);
          }
          return;
        }
        if (next instanceof MllpFrameTooLarge rejection) {
          rejectOversized(rejection);
        } else {
          dispatch((ReceivedFrame) next);
        }
      }
    } finally {
      processing = false;
    }
  }

  private void dispatch(ReceivedFrame received) {
    inFlight = true;
    ctx.channel().config().setAutoRead(false);
    byte[] payload = received.frame().payload();
    Charset charset = MllpCharsets.resolve(payload, configuredCharset, defaultCharset);
    MllpRequest request = new MllpRequest(connection, payload, charset, received.receivedAt());
    log.debug("Connection {}: frame of {} bytes ({})", id(), payload.length, charset.name());
    CompletionStage<MllpResponse> stage;
    try {
      stage = handler.onMessage(request);
    } catch (RuntimeException e) {
      handlerFailed(e);
      return;
    }
    if (stage == null) {
      handlerFailed(new NullPointerException("onMessage returned null"));
      return;
    }
    stage.whenComplete(
        (response, failure) -> onEventLoop(() -> respond(request, response, failure)));
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
      return;
    }
    try {
      ctx.executor().execute(task);
    } catch (RejectedExecutionException e) {
      log.warn("Connection {}: server shut down before the response could be written", id());
    }
  }

  private void respond(MllpRequest request, MllpResponse response, Throwable failure) {
    if (closing) {
      inFlight = false;
      log.debug("Connection {} closed before its response could be written", id());
      return;
    }
    if (failure != null) {
      handlerFailed(
          failure instanceof CompletionException ce && ce.getCause() != null
              ? ce.getCause()
              : failure);
      return;
    }
    if (response == null) {
      handlerFailed(new NullPointerException("onMessage completed with null"));
      return;
    }
    switch (response) {
      case MllpResponse.Reply reply -> writeReply(request, reply);
      case MllpResponse.CloseWithoutReply ignored -> {
        log.debug("Connection {}: closing without reply as requested", id());
        close();
      }
      case MllpResponse.NoReply ignored -> finishMessage();
      case MllpResponse.Raw raw -> writeRaw(raw.chunks(), raw.pauseBetweenChunks(), 0);
    }
  }

  private void writeReply(MllpRequest request, MllpResponse.Reply reply) {
    byte[] bytes;
    try {
      bytes = MllpPayloadEncoder.encode(reply.message(), request.charset());
    } catch (MllpEncodingException e) {
      log.warn("Connection {}: reply not sent, closing: {}", id(), e.getMessage());
      close();
      return;
    }
    ctx.writeAndFlush(MllpFrames.frame(ctx.alloc(), bytes))
        .addListener(
            write -> {
              if (!write.isSuccess()) {
                log.warn(
                    "Connection {}: writing a reply of {} bytes failed: {}",
                    id(),
                    bytes.length,
                    write.cause().toString());
                close();
              } else if (reply.closeAfterReply()) {
                close();
              } else {
                finishMessage();
              }
            });
  }

  private void writeRaw(List<byte[]> chunks, Duration pause, int index) {
    if (closing) {
      return;
    }
    if (index == chunks.size()) {
      finishMessage();
      return;
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(chunks.get(index)))
        .addListener(
            write -> {
              if (!write.isSuccess()) {
                log.debug("Connection {}: raw write failed: {}", id(), write.cause().toString());
                close();
              } else if (index + 1 < chunks.size() && !pause.isZero()) {
                ctx.executor()
                    .schedule(
                        () -> writeRaw(chunks, pause, index + 1),
                        pause.toNanos(),
                        TimeUnit.NANOSECONDS);
              } else {
                writeRaw(chunks, pause, index + 1);
              }
            });
  }

  private void finishMessage() {
    inFlight = false;
    // The client was waiting on us, not idle: its idle time starts now.
    idleStateHandler.resetReadTimeout();
    processQueue();
  }

  private void handlerFailed(Throwable failure) {
    log.warn(
        "Connection {}: message handler failed, closing without reply: {}",
        id(),
        failure.getClass().getName());
    log.debug("Connection {}: handler failure detail", id(), failure);
    close();
  }

  private void rejectOversized(MllpFrameTooLarge rejection) {
    log.warn(
        "Connection {} from {}: frame exceeds {} bytes ({} bytes read); closing",
        id(),
        connection.remoteAddress(),
        rejection.limit(),
        rejection.bytesRead());
    try {
      handler.onFrameTooLarge(connection, rejection);
    } catch (RuntimeException e) {
      log.warn("Connection {}: onFrameTooLarge failed: {}", id(), e.getClass().getName());
    }
    close();
  }

  private void close() {
    closing = true;
    queue.clear();
    ctx.close();
  }

  private String id() {
    return connection != null ? connection.id() : ctx.channel().id().asShortText();
  }

  private record ReceivedFrame(MllpFrame frame, Instant receivedAt) {}
}
