package io.integrationhub.mllp.codec;

import io.integrationhub.mllp.MllpEncodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/** Strict payload encoding: characters the charset cannot hold fail, they are never replaced. */
public final class MllpPayloadEncoder {

  private MllpPayloadEncoder() {}

  /**
   * Encodes {@code text} as {@code charset}.
   *
   * @param text the message text
   * @param charset the charset to encode with
   * @return the bytes
   * @throws MllpEncodingException naming the index of the first character that cannot be encoded
   */
  public static byte[] encode(String text, Charset charset) throws MllpEncodingException {
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer in = CharBuffer.wrap(text);
    long estimate = (long) (text.length() * (double) encoder.averageBytesPerChar()) + 16;
    ByteBuffer out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, estimate));
    CoderResult result;
    while ((result = encoder.encode(in, out, true)).isOverflow()) {
      out = grow(out);
    }
    if (result.isError()) {
      throw new MllpEncodingException(charset.name(), in.position());
    }
    while (encoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  private static ByteBuffer grow(ByteBuffer out) {
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(16, out.capacity() * 2));
    return bigger.put(out.flip());
  }
}
