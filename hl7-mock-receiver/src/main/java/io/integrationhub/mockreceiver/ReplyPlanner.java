package io.integrationhub.mockreceiver;

import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.AckCode;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
import java.util.Optional;

/** Decides how the mock answers a message and builds the reply text. */
public final class ReplyPlanner {
  static final String GARBAGE_REPLY = "This is not an HL7 acknowledgement";
  static final String WRONG_CONTROL_ID_SUFFIX = "-MISMATCH";

  private final AckRules rules;
  private final AckBuilder ackBuilder;

  public ReplyPlanner(AckRules rules, AckBuilder ackBuilder) {
    this.rules = rules;
    this.ackBuilder = ackBuilder;
  }

  public PlannedReply plan(String message) {
    MessageHeader header;
    try {
      header = MessageHeader.parse(message);
    } catch (Hl7ParseException e) {
      // The reference answers with a fixed NACK when it cannot build one from the message.
      return new PlannedReply(
          ReplyAction.AE, Optional.empty(), Optional.of(AckBuilder.fallbackNack()));
    }
    ReplyAction action = rules.decide(message);
    return new PlannedReply(action, Optional.of(header), replyText(action, header));
  }

  /**
   * The NACK the reference's error handler sends when the message could not be handled (e.g. the
   * bus copy could not be published): AE built from the inbound header.
   */
  public PlannedReply nack(MessageHeader header) {
    return new PlannedReply(
        ReplyAction.AE, Optional.of(header), Optional.of(ackBuilder.build(header, AckCode.AE)));
  }

  private Optional<String> replyText(ReplyAction action, MessageHeader header) {
    return switch (action) {
      case NO_ACK, CLOSE -> Optional.empty();
      case GARBAGE -> Optional.of(GARBAGE_REPLY);
      case WRONG_MSA2 -> Optional.of(withWrongAcknowledgedId(header));
      default -> Optional.of(ackBuilder.build(header, action.ackCode().orElseThrow()));
    };
  }

  private String withWrongAcknowledgedId(MessageHeader header) {
    String ack = ackBuilder.build(header, AckCode.AA);
    String msa = "\rMSA|AA|" + header.controlId();
    return ack.replace(msa, msa + WRONG_CONTROL_ID_SUFFIX);
  }
}
