package io.integrationhub.mllp.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded MLLP frame.
 *
 * @param payload the bytes between the start block and the end block, unchanged (possibly empty)
 */
public record MllpFrame(byte[] payload) {

  /** Checks the payload is present. */
  public MllpFrame {
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MllpFrame frame && Arrays.equals(payload, frame.payload);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(payload);
  }

  /** Describes the frame by size only: payloads carry patient data and must not reach logs. */
  @Override
  public String toString() {
    return "MllpFrame[" + payload.length + " bytes]";
  }
}
