package io.integrationhub.server;

import static io.integrationhub.server.ServerTestMessages.bytesUntilClosed;
import static io.integrationhub.server.ServerTestMessages.eventsSince;
import static io.integrationhub.server.ServerTestMessages.field;
import static io.integrationhub.server.ServerTestMessages.forFlow;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import io.integrationhub.server.pipeline.RejectionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec §4.6: every routed MSH-9 (plus an unrouted one) against every flow's local env file, with
 * messages that otherwise satisfy the flow (its MSH-3 and MSH-12, the PHW date of birth, the MPI
 * update source, the segments the structure needs). Either AA, or rejected for the reason the
 * matrix gives: no XSD for the structure, an MPI rule, or an unsupported message type.
 */
class AcceptanceMatrixTest {

  private static final Duration READ = Duration.ofSeconds(10);

  private static final String AA = "AA";
  private static final String NO_XSD = "NO_SCHEMA";
  private static final String RULE = "RULE";
  private static final String UNSUPPORTED = "UNSUPPORTED_TYPE";

  private static final List<String> COLUMNS =
      List.of("phw", "paris", "chemo", "mosaiq", "wds", "pims", "mpi");

  /** Spec §4.6, row by row; the columns are {@link #COLUMNS}. */
  private static final Map<String, List<String>> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("ADT^A31^ADT_A05", List.of(AA, AA, AA, AA, AA, NO_XSD, AA));
    MATRIX.put("ADT^A28^ADT_A05", List.of(AA, AA, AA, AA, AA, NO_XSD, AA));
    MATRIX.put("ADT^A31", List.of(AA, AA, AA, AA, AA, NO_XSD, AA));
    MATRIX.put("ADT^A28", List.of(AA, AA, AA, AA, AA, NO_XSD, AA));
    MATRIX.put("ADT^A40^ADT_A39", List.of(AA, AA, AA, AA, AA, AA, AA));
    MATRIX.put("ADT^A40", List.of(AA, AA, AA, AA, AA, AA, AA));
    MATRIX.put("ADT^A04^ADT_A01", List.of(NO_XSD, NO_XSD, NO_XSD, NO_XSD, NO_XSD, AA, RULE));
    MATRIX.put("ADT^A08^ADT_A01", List.of(NO_XSD, NO_XSD, NO_XSD, NO_XSD, NO_XSD, AA, RULE));
    MATRIX.put("ADT^A40^ADT_A40", List.of(NO_XSD, NO_XSD, NO_XSD, NO_XSD, NO_XSD, AA, AA));
    MATRIX.put("ADT^A01^ADT_A01", Collections.nCopies(7, UNSUPPORTED));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"phw", "paris", "chemo", "mosaiq", "wds", "pims", "mpi"})
  void eachRoutedMessageTypeIsAcceptedOrRejectedAsTheMatrixSays(String flow) throws Exception {
    int column = COLUMNS.indexOf(flow);
    List<String> acceptedControlIds = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();
    try (ServerHarness server = ServerHarness.startFlow(flow, Map.of("NAK_ON_ERROR", "true"));
        RawMllpClient client = server.connect()) {
      int n = 0;
      for (Map.Entry<String, List<String>> row : MATRIX.entrySet()) {
        String msh9 = row.getKey();
        String expected = row.getValue().get(column);
        String controlId = flow.toUpperCase() + "-" + (++n);
        int eventsBefore = server.events().size();

        client.sendFrame(forFlow(flow, msh9, controlId));
        String ack = client.readFrame(READ);

        String what = flow + " " + msh9;
        softly.assertThat(field(ack, "MSA", 2)).as("%s MSA-2", what).isEqualTo(controlId);
        List<Event> failed = eventsSince(server, eventsBefore, EventType.MESSAGE_FAILED);
        if (AA.equals(expected)) {
          softly.assertThat(field(ack, "MSA", 1)).as("%s MSA-1", what).isEqualTo("AA");
          softly.assertThat(failed).as("%s MESSAGE_FAILED", what).isEmpty();
          acceptedControlIds.add(controlId);
        } else {
          RejectionKind kind = RejectionKind.valueOf(expected);
          softly.assertThat(field(ack, "MSA", 1)).as("%s MSA-1", what).isEqualTo("AE");
          softly
              .assertThat(failed)
              .as("%s MESSAGE_FAILED", what)
              .extracting(Event::validationResult)
              .containsExactly(kind.validationResult());
          softly
              .assertThat(field(ack, "MSA", 3))
              .as("%s MSA-3", what)
              .startsWith(expectedTextStart(kind, flow, msh9));
          softly
              .assertThat(field(ack, "ERR", 3))
              .as("%s ERR-3", what)
              .startsWith((kind == RejectionKind.RULE ? 201 : kind.errorCode().code()) + "^");
        }
      }
      List<ReceivedMessage> published = server.drainEgress(MATRIX.size() + 1);
      softly
          .assertThat(published)
          .as("%s messages on the egress", flow)
          .map(m -> m.messageId().orElse(""))
          .containsExactlyElementsOf(acceptedControlIds);
    }
    softly.assertAll();
  }

  private static String expectedTextStart(RejectionKind kind, String flow, String msh9) {
    return switch (kind) {
      case NO_SCHEMA -> "No XSD mapping for flow '" + flow + "'";
      case RULE ->
          "HL7 validation error: Unsupported message type '"
              + msh9.split("\\^")[1]
              + "' for MPI outbound flow";
      // MSA-3 is escaped text: the component separator in MSH-9 is written as \S\.
      case UNSUPPORTED_TYPE ->
          "Unsupported Message Type: Unsupported message type " + msh9.replace("^", "\\S\\");
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  /** With NAK_ON_ERROR each failed check is an AE whose ERR-3 names the kind of failure. */
  @Test
  void withNakOnErrorEachRejectionReasonHasItsOwnErrorCode() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(forFlow("paris", "ADT^A31^ADT_A05", "NAKVER"), "203^Unsupported version id");
    cases.put(forFlow("mpi", "ADT^A31^ADT_A05", "NAKAPP"), "103^Table value not found");
    cases.put(
        ServerTestMessages.phwA31WithDateOfBirth("NAKDOB", "19870230"), "102^Data type error");
    cases.put(
        ServerTestMessages.phwA31("NAKSEG").replace("\rPD1|", "\rXXX|1\rPD1|"),
        "100^Segment sequence error");
    cases.put(forFlow("phw", "ADT^A04^ADT_A01", "NAKNOXSD"), "200^Unsupported message type");
    cases.put(forFlow("phw", "ADT^A05^ADT_A05", "NAKTYPE"), "200^Unsupported message type");
    try (ServerHarness server = ServerHarness.start(Map.of("NAK_ON_ERROR", "true"));
        RawMllpClient client = server.connect()) {
      for (Map.Entry<String, String> c : cases.entrySet()) {
        client.sendFrame(c.getKey());
        String nak = client.readFrame(READ);

        assertThat(ServerTestMessages.segmentIds(nak)).containsExactly("MSH", "MSA", "ERR");
        assertThat(field(nak, "MSA", 1)).isEqualTo("AE");
        assertThat(field(nak, "ERR", 3)).isEqualTo(c.getValue() + "^HL70357");
        assertThat(field(nak, "ERR", 4)).isEqualTo("E");
        assertThat(field(nak, "MSA", 3)).isNotEmpty();
      }
      assertThat(server.events(EventType.MESSAGE_FAILED)).hasSize(cases.size());
      assertThat(server.drainEgress(5, Duration.ofMillis(300))).isEmpty();
    }
  }

  /**
   * Without NAK_ON_ERROR (the reference's contract) a rejection gets no reply and the connection is
   * closed, whatever the reason; exactly one MESSAGE_FAILED per message.
   */
  @Test
  void byDefaultRejectionsGetNoReplyAndTheConnectionIsClosed() throws Exception {
    Map<String, RejectionKind> samples = new LinkedHashMap<>();
    samples.put(forFlow("phw", "ADT^A04^ADT_A01", "NOXSD1"), RejectionKind.NO_SCHEMA);
    samples.put(forFlow("phw", "ADT^A40^ADT_A40", "NOXSD2"), RejectionKind.NO_SCHEMA);
    samples.put(forFlow("phw", "ADT^A01^ADT_A01", "UNROUTED1"), RejectionKind.UNSUPPORTED_TYPE);
    samples.put(forFlow("phw", "adt^a31^adt_a05", "UNROUTED2"), RejectionKind.UNSUPPORTED_TYPE);
    samples.put(forFlow("paris", "ADT^A31^ADT_A05", "VERSION1"), RejectionKind.RULE);
    samples.put(forFlow("mpi", "ADT^A31^ADT_A05", "SENDINGAPP1"), RejectionKind.RULE);
    try (ServerHarness server = ServerHarness.start(Map.of())) {
      for (Map.Entry<String, RejectionKind> sample : samples.entrySet()) {
        int eventsBefore = server.events().size();
        try (RawMllpClient client = server.connect()) {
          client.sendFrame(sample.getKey());

          assertThat(bytesUntilClosed(client, READ))
              .as("reply before the close for %s", sample.getValue())
              .isEmpty();
        }
        assertThat(eventsSince(server, eventsBefore, EventType.MESSAGE_FAILED))
            .extracting(Event::validationResult)
            .containsExactly(sample.getValue().validationResult());
      }
      // And an accepted message still gets its AA on a new connection afterwards.
      Optional<String> ack = server.send(forFlow("phw", "ADT^A28^ADT_A05", "OK1"));
      assertThat(ack).hasValueSatisfying(a -> assertThat(a).contains("MSA|AA|OK1\r"));
      assertThat(server.drainEgress(10))
          .extracting(m -> m.messageId().orElse(""))
          .containsExactly("OK1");
    }
  }
}
