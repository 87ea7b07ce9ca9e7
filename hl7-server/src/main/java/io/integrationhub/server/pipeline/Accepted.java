package io.integrationhub.server.pipeline;

import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.hl7.parse.MessageHeader;
import java.util.Optional;

/**
 * A message that passed every check and is ready to publish.
 *
 * @param message what goes on the bus: body, session id, message id, properties
 * @param xml the XML for the message store, when it could be made
 * @param header the inbound MSH, for the ACK
 */
public record Accepted(OutboundMessage message, Optional<String> xml, MessageHeader header) {}
