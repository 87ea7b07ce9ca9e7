package io.integrationhub.transform;

/** One step of a transformation: reads the inbound message, writes into the outbound one. */
@FunctionalInterface
public interface Mapper {

  /**
   * Maps part of the message.
   *
   * @param audit receives the fragments of the processed-audit text this step contributes
   * @throws TransformException when the data cannot be mapped (permanent failure)
   */
  void map(InboundMessage in, MessageBuilder out, AuditTrail audit) throws TransformException;
}
