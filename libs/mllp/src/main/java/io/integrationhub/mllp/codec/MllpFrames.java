package io.integrationhub.mllp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** MLLP framing bytes and helpers that wrap a payload in a frame. */
public final class MllpFrames {

  /** Start block (VT), opens a frame. */
  public static final byte START_BLOCK = 0x0B;

  /** End block (FS), closes a frame. */
  public static final byte END_BLOCK = 0x1C;

  /** Carriage return that follows the end block. */
  public static final byte CARRIAGE_RETURN = 0x0D;

  /** Bytes a frame adds around its payload: start block, end block and carriage return. */
  public static final int FRAMING_OVERHEAD = 3;

  private MllpFrames() {}

  /**
   * Returns {@code SB + payload + EB + CR}.
   *
   * @param payload the message bytes, copied unchanged
   * @return a new array holding the whole frame
   */
  public static byte[] frame(byte[] payload) {
    byte[] frame = new byte[payload.length + FRAMING_OVERHEAD];
    frame[0] = START_BLOCK;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    frame[frame.length - 2] = END_BLOCK;
    frame[frame.length - 1] = CARRIAGE_RETURN;
    return frame;
  }

  /**
   * Returns {@code SB + payload + EB + CR} in a buffer from {@code allocator}; the caller owns (and
   * must release or write) the buffer.
   *
   * @param allocator where the buffer comes from
   * @param payload the message bytes, copied unchanged
   * @return a new buffer holding the whole frame
   */
  public static ByteBuf frame(ByteBufAllocator allocator, byte[] payload) {
    ByteBuf frame = allocator.buffer(payload.length + FRAMING_OVERHEAD);
    frame
        .writeByte(START_BLOCK)
        .writeBytes(payload)
        .writeByte(END_BLOCK)
        .writeByte(CARRIAGE_RETURN);
    return frame;
  }
}
