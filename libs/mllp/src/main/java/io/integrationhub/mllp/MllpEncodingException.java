package io.integrationhub.mllp;

/** Text cannot be represented in the charset it has to be sent in. */
public final class MllpEncodingException extends MllpException {

  private static final long serialVersionUID = 1L;

  private final String charsetName;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param charsetName the charset the text was encoded with
   * @param offset index of the first character that cannot be encoded
   */
  public MllpEncodingException(String charsetName, long offset) {
    super("Text cannot be encoded as " + charsetName + ": unmappable character at index " + offset);
    this.charsetName = charsetName;
    this.offset = offset;
  }

  /**
   * The charset the text was encoded with.
   *
   * @return the canonical charset name
   */
  public String charsetName() {
    return charsetName;
  }

  /**
   * Index (from 0, in UTF-16 code units) of the first character that could not be encoded.
   *
   * @return the character index
   */
  public long offset() {
    return offset;
  }
}
