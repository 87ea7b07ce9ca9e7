package io.integrationhub.mockreceiver;

import io.integrationhub.hl7.parse.MessageHeader;
import java.util.Optional;

/**
 * The mock's decision for one message: the action, and the reply text when the action answers.
 *
 * @param header the inbound header, empty when the message was not HL7
 * @param replyText the unframed reply, empty for {@link ReplyAction#NO_ACK} and {@link
 *     ReplyAction#CLOSE}
 */
public record PlannedReply(
    ReplyAction action, Optional<MessageHeader> header, Optional<String> replyText) {}
