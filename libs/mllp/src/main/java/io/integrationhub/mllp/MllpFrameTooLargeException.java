package io.integrationhub.mllp;

/** A reply frame exceeded the client's size limit. */
public final class MllpFrameTooLargeException extends MllpException {

  private static final long serialVersionUID = 1L;

  private final long bytesRead;
  private final int limit;

  /**
   * Creates the exception.
   *
   * @param bytesRead bytes of the frame read when it was rejected
   * @param limit the size limit, framing bytes included
   */
  public MllpFrameTooLargeException(long bytesRead, int limit) {
    super(
        "MLLP frame exceeds the limit of "
            + limit
            + " bytes (rejected after "
            + bytesRead
            + " bytes)");
    this.bytesRead = bytesRead;
    this.limit = limit;
  }

  /**
   * Bytes of the frame read when it was rejected.
   *
   * @return the byte count
   */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * The size limit.
   *
   * @return bytes, framing included
   */
  public int limit() {
    return limit;
  }
}
