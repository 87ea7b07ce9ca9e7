package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpPayloadDecoder;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One received frame.
 *
 * @param connection the connection it arrived on
 * @param payload the bytes between start block and end block, unchanged; owned by this request
 * @param charset the charset resolved for the payload (configured, else MSH-18, else the default);
 *     replies are encoded with it
 * @param receivedAt when the frame was fully read
 */
public record MllpRequest(
    MllpConnection connection, byte[] payload, Charset charset, Instant receivedAt) {

  /** Checks no component is null. */
  public MllpRequest {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Decodes the payload strictly with {@link #charset()}.
   *
   * @return the message text
   * @throws MllpDecodingException when a byte is invalid in the charset (never replaced)
   */
  public String text() throws MllpDecodingException {
    return MllpPayloadDecoder.decode(payload, charset);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MllpRequest request
        && connection.equals(request.connection)
        && Arrays.equals(payload, request.payload)
        && charset.equals(request.charset)
        && receivedAt.equals(request.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connection, Arrays.hashCode(payload), charset, receivedAt);
  }

  /** Describes the request without its payload: payloads carry patient data. */
  @Override
  public String toString() {
    return "MllpRequest[connection="
        + connection.id()
        + ", payload="
        + payload.length
        + " bytes, charset="
        + charset.name()
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
