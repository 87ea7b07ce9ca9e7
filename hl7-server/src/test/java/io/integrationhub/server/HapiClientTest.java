package io.integrationhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real MLLP client that nobody in this project wrote: HAPI's own {@link Connection} and {@link
 * Initiator}, sending 50 messages on one persistent connection to a real PHW server. Each reply
 * must be an ACK with MSA-1 AA and MSA-2 the sent MSH-10, and every message must be on the bus in
 * order.
 */
class HapiClientTest {

  private static final int MESSAGES = 50;

  @Test
  void hapiClientSendsFiftyMessagesOnOneConnection() throws Exception {
    try (ServerHarness server = ServerHarness.start(Map.of());
        HapiContext context = new DefaultHapiContext()) {
      context.getParserConfiguration().setValidating(false);
      PipeParser parser = context.getPipeParser();
      Message message = parser.parse(InboundTestMessages.phwA31("HAPI-0"));
      assertThat(message.getName()).isEqualTo("ADT_A05");

      Connection connection = context.newClient("127.0.0.1", server.port(), false);
      List<String> sent = new ArrayList<>();
      try {
        Initiator initiator = connection.getInitiator();
        initiator.setTimeout(10, TimeUnit.SECONDS);
        Terser terser = new Terser(message);
        for (int i = 1; i <= MESSAGES; i++) {
          String controlId = "HAPI-" + i;
          terser.set("/MSH-10", controlId);
          sent.add(controlId);

          Message response = initiator.sendAndReceive(message);

          Terser ack = new Terser(response);
          assertThat(ack.get("/MSH-9-1")).as("reply %d message type", i).isEqualTo("ACK");
          assertThat(ack.get("/MSA-1")).as("reply %d MSA-1", i).isEqualTo("AA");
          assertThat(ack.get("/MSA-2")).as("reply %d MSA-2", i).isEqualTo(controlId);
        }
        assertThat(connection.isOpen()).as("HAPI's connection is still open").isTrue();
        assertThat(server.service().mllp().activeConnections())
            .as("all 50 on one connection")
            .isEqualTo(1);
      } finally {
        connection.close();
      }

      assertThat(server.events(EventType.MESSAGE_PROCESSED)).hasSize(MESSAGES);
      assertThat(server.events(EventType.MESSAGE_FAILED)).isEmpty();
      List<ReceivedMessage> published = server.drainEgress(MESSAGES + 5);
      assertThat(published)
          .extracting(m -> m.messageId().orElse(""))
          .containsExactlyElementsOf(sent);
      assertThat(published)
          .extracting(ReceivedMessage::body)
          .allSatisfy(body -> assertThat(body).startsWith("MSH|^~\\&|252|").contains("ZZTEST"));
      assertThat(published.get(0).sessionId()).isEqualTo(Optional.of("phw-to-mpi"));
    }
  }
}
