package io.integrationhub.transform;

import java.util.List;

/**
 * A flow's transformation: its name and its mappers, run in order on a fresh outbound message. The
 * audit texts are the reference's ({@code Message received for PHW transformation}, {@code PHW
 * transformation applied for SENDING_APP: 252}, {@code PHW transformation failed}). Thread-safe:
 * per-message state lives in the call.
 */
public abstract class FlowTransformer {

  private final String name;

  /** A transformer called {@code name} (e.g. {@code PHW}) in audit texts. */
  protected FlowTransformer(String name) {
    this.name = name;
  }

  /** The name used in audit texts. */
  public final String name() {
    return name;
  }

  /** The mappers, in the order they write segments. */
  protected abstract List<Mapper> mappers();

  /**
   * Transforms one inbound message.
   *
   * @throws TransformException when it is not HL7 or a mapper rejects its data
   */
  public final Transformed transform(String er7) throws TransformException {
    InboundMessage in = InboundMessage.parse(er7);
    MessageBuilder out = new MessageBuilder();
    AuditTrail audit = new AuditTrail();
    for (Mapper mapper : mappers()) {
      mapper.map(in, out, audit);
    }
    return new Transformed(out.encode(), processedAuditText(in, audit));
  }

  /** MESSAGE_RECEIVED text. */
  public String receivedAuditText() {
    return "Message received for " + name + " transformation";
  }

  /** MESSAGE_FAILED {@code validation_result} for bad data. */
  public String failedAuditText() {
    return name + " transformation failed";
  }

  /** MESSAGE_FAILED {@code validation_result} for {@code error}: bad data or not HL7 at all. */
  public String failedAuditText(TransformException error) {
    return error instanceof MalformedMessageException
        ? "Unexpected processing error"
        : failedAuditText();
  }

  /** MESSAGE_FAILED {@code error_details} for {@code error}, as the reference words them. */
  public String failedErrorText(TransformException error) {
    return error instanceof MalformedMessageException
        ? "Unexpected error during message processing: " + error.getMessage()
        : "Failed to transform " + name + " message: " + error.getMessage();
  }

  /** MESSAGE_PROCESSED text; by default naming the inbound sending application (MSH-3.1). */
  protected String processedAuditText(InboundMessage in, AuditTrail audit) {
    return name + " transformation applied for SENDING_APP: " + in.value("MSH.3.1");
  }
}
