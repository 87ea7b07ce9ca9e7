package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpConnectionClosedException;
import io.integrationhub.mllp.MllpException;
import io.integrationhub.mllp.MllpFrameTooLargeException;
import io.integrationhub.mllp.codec.MllpFrame;
import io.integrationhub.mllp.codec.MllpFrameDecoder;
import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side: completes the pending send with the next frame, and remembers anything the peer sent
 * while no reply was awaited so that the connection is not reused. Confined to the channel's event
 * loop.
 */
final class ReplyHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

  private final MllpFrameDecoder decoder;
  private CompletableFuture<byte[]> pending;
  private int unsolicitedFrames;
  private long discardedBytesAtLastReply;
  private Throwable failure;

  ReplyHandler(MllpFrameDecoder decoder) {
    this.decoder = decoder;
  }

  /** Why the connection must not carry another message, or null when it is clean. */
  StaleConnectionException staleness(Channel channel) {
    if (failure != null) {
      return new StaleConnectionException(
          "connection failed: " + failure.getClass().getSimpleName(), false);
    }
    if (!channel.isActive()) {
      return new StaleConnectionException("connection closed by the peer", true);
    }
    if (unsolicitedFrames > 0) {
      return new StaleConnectionException(
          unsolicitedFrames + " unsolicited frame(s) received", false);
    }
    if (decoder.discardedBytes() != discardedBytesAtLastReply || decoder.hasPartialFrame()) {
      return new StaleConnectionException("unsolicited bytes received", false);
    }
    return null;
  }

  /** Registers the send whose reply the next frame is. */
  CompletableFuture<byte[]> expectReply() {
    pending = new CompletableFuture<>();
    return pending;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case MllpFrame frame -> {
        if (pending != null) {
          discardedBytesAtLastReply = decoder.discardedBytes();
          complete(frame.payload());
        } else {
          unsolicitedFrames++;
          log.debug("Unsolicited frame of {} bytes received", frame.payload().length);
        }
      }
      case MllpFrameTooLarge rejection -> {
        fail(new MllpFrameTooLargeException(rejection.bytesRead(), rejection.limit()));
        ctx.close();
      }
      default -> ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    fail(new MllpConnectionClosedException("Connection closed by the peer before a full reply"));
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
    fail(
        new MllpConnectionClosedException(
            "Connection failed before a full reply: " + cause, cause));
    ctx.close();
  }

  /** Fails the pending send, if any. */
  void fail(MllpException exception) {
    CompletableFuture<byte[]> waiting = pending;
    pending = null;
    if (waiting != null) {
      waiting.completeExceptionally(exception);
    }
  }

  private void complete(byte[] reply) {
    CompletableFuture<byte[]> waiting = pending;
    pending = null;
    waiting.complete(reply);
  }
}
