package io.integrationhub.transform;

/**
 * The inbound text is not an HL7 message at all (the reference's "Unexpected processing error"
 * kind), as opposed to a message whose data a mapper rejects.
 */
public final class MalformedMessageException extends TransformException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MalformedMessageException(String message) {
    super(message);
  }
}
