package io.integrationhub.mllp;

/** Bytes are not valid in the charset they were decoded with. */
public final class MllpDecodingException extends MllpException {

  private static final long serialVersionUID = 1L;

  private final String charsetName;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param charsetName the charset the bytes were decoded with
   * @param offset index of the first malformed or unmappable byte
   */
  public MllpDecodingException(String charsetName, long offset) {
    super("Bytes are not valid " + charsetName + ": malformed input at byte offset " + offset);
    this.charsetName = charsetName;
    this.offset = offset;
  }

  /**
   * The charset the bytes were decoded with.
   *
   * @return the canonical charset name
   */
  public String charsetName() {
    return charsetName;
  }

  /**
   * Index (from 0) of the first byte that could not be decoded.
   *
   * @return the byte offset
   */
  public long offset() {
    return offset;
  }
}
