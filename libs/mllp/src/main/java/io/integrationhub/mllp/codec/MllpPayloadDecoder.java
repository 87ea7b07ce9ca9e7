package io.integrationhub.mllp.codec;

import io.integrationhub.mllp.MllpDecodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Strict payload decoding: invalid bytes fail, they are never replaced. */
public final class MllpPayloadDecoder {

  private MllpPayloadDecoder() {}

  /**
   * Decodes {@code payload} as {@code charset}.
   *
   * @param payload the raw bytes
   * @param charset the charset to decode with
   * @return the text
   * @throws MllpDecodingException naming the offset of the first malformed or unmappable byte (a
   *     truncated multi-byte sequence at the end counts as malformed)
   */
  public static String decode(byte[] payload, Charset charset) throws MllpDecodingException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(payload);
    // One char per byte fits UTF-8 and the single-byte charsets; others grow on overflow.
    CharBuffer out = CharBuffer.allocate(payload.length + 1);
    CoderResult result;
    while ((result = decoder.decode(in, out, true)).isOverflow()) {
      out = grow(out);
    }
    if (result.isError()) {
      throw new MllpDecodingException(charset.name(), in.position());
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    return out.flip().toString();
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(Math.max(16, out.capacity() * 2));
    return bigger.put(out.flip());
  }
}
