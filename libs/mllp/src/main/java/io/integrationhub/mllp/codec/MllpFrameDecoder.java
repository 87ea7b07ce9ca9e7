package io.integrationhub.mllp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits an MLLP byte stream into {@link MllpFrame}s.
 *
 * <ul>
 *   <li>Bytes before a start block ({@code 0x0B}) are discarded.
 *   <li>A frame ends at the first end block ({@code 0x1C}); a {@code 0x0D} right after it is
 *       consumed but not required. A {@code 0x0B} inside the content is content.
 *   <li>Every frame is emitted separately and in order, also when several arrive in one read or one
 *       arrives in many reads. An empty frame is emitted with an empty payload.
 *   <li>The size limit counts the whole frame ({@code SB + content + EB + CR}); a frame of exactly
 *       {@code maxFrameBytes} passes. As soon as more than {@code maxFrameBytes - 3} content bytes
 *       have arrived without an end block the decoder emits {@link MllpFrameTooLarge} and discards
 *       all further input, so it never holds more than one frame's worth of content.
 * </ul>
 *
 * <p>Not sharable: one instance per channel.
 */
public final class MllpFrameDecoder extends ByteToMessageDecoder {

  /** The default size limit of a whole frame: 1 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 1_048_576;

  private static final Logger log = LoggerFactory.getLogger(MllpFrameDecoder.class);

  private enum State {
    SEEKING_START,
    IN_FRAME,
    AFTER_END,
    DISCARDING
  }

  private final int maxFrameBytes;
  private final int maxContentBytes;
  private State state = State.SEEKING_START;

  /** Content bytes of the current frame already searched for the end block. */
  private int scannedContentBytes;

  private long discardedBytes;

  /** Creates a decoder with the default 1 MiB limit. */
  public MllpFrameDecoder() {
    this(DEFAULT_MAX_FRAME_BYTES);
  }

  /**
   * Creates a decoder.
   *
   * @param maxFrameBytes the largest accepted frame, framing bytes included; at least 3
   */
  public MllpFrameDecoder(int maxFrameBytes) {
    if (maxFrameBytes < MllpFrames.FRAMING_OVERHEAD) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least 3 (start block, end block, carriage return), was "
              + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
    this.maxContentBytes = maxFrameBytes - MllpFrames.FRAMING_OVERHEAD;
  }

  /**
   * Bytes discarded so far because they were outside any frame (not counting input dropped after a
   * size-limit rejection). Call on the channel's event loop.
   *
   * @return the running total
   */
  public long discardedBytes() {
    return discardedBytes;
  }

  /**
   * Whether the decoder holds the start of a frame that has not ended yet, or has rejected an
   * oversized frame. Call on the channel's event loop.
   *
   * @return true when input is buffered or being discarded
   */
  public boolean hasPartialFrame() {
    return state == State.IN_FRAME || state == State.DISCARDING;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      switch (state) {
        case SEEKING_START -> {
          if (!seekStartBlock(in)) {
            return;
          }
        }
        case IN_FRAME -> {
          // Return after each frame: it is passed on before later bytes are looked at, so a
          // consumer sees input that follows a frame as arriving after it.
          readContent(in, out);
          return;
        }
        case AFTER_END -> {
          if (in.getByte(in.readerIndex()) == MllpFrames.CARRIAGE_RETURN) {
            in.skipBytes(1);
          }
          state = State.SEEKING_START;
        }
        case DISCARDING -> {
          in.skipBytes(in.readableBytes());
          return;
        }
      }
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws Exception {
    super.decodeLast(ctx, in, out);
    if (state == State.IN_FRAME) {
      log.debug(
          "Input ended inside a frame; {} bytes of an incomplete frame dropped",
          in.readableBytes() + 1);
      in.skipBytes(in.readableBytes());
      state = State.SEEKING_START;
    }
  }

  /** Skips to just after the next start block; false when the buffer holds none. */
  private boolean seekStartBlock(ByteBuf in) {
    int from = in.readerIndex();
    int startBlock = in.indexOf(from, in.writerIndex(), MllpFrames.START_BLOCK);
    int garbage = startBlock < 0 ? in.readableBytes() : startBlock - from;
    if (garbage > 0) {
      discardedBytes += garbage;
      log.debug("Discarded {} bytes outside MLLP frames", garbage);
    }
    if (startBlock < 0) {
      in.skipBytes(garbage);
      return false;
    }
    in.readerIndex(startBlock + 1);
    state = State.IN_FRAME;
    scannedContentBytes = 0;
    return true;
  }

  /** Emits the frame if its end block has arrived, or the rejection if it cannot fit. */
  private void readContent(ByteBuf in, List<Object> out) {
    int from = in.readerIndex();
    int readable = in.readableBytes();
    int endBlock = in.indexOf(from + scannedContentBytes, from + readable, MllpFrames.END_BLOCK);
    if (endBlock < 0) {
      scannedContentBytes = readable;
      if (readable > maxContentBytes) {
        reject(1L + readable, in, out);
      }
      return;
    }
    int contentLength = endBlock - from;
    if (contentLength > maxContentBytes) {
      reject(contentLength + 2L, in, out);
      return;
    }
    byte[] payload = new byte[contentLength];
    in.readBytes(payload);
    in.skipBytes(1);
    out.add(new MllpFrame(payload));
    state = State.AFTER_END;
  }

  private void reject(long bytesRead, ByteBuf in, List<Object> out) {
    log.debug(
        "Frame exceeds {} bytes ({} bytes read); discarding further input",
        maxFrameBytes,
        bytesRead);
    in.skipBytes(in.readableBytes());
    state = State.DISCARDING;
    out.add(new MllpFrameTooLarge(bytesRead, maxFrameBytes));
  }
}
