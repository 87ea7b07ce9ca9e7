package io.integrationhub.server;

import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fictional HL7 test messages for the server tests (no real patient data), shaped so that they
 * satisfy a flow's configuration (MSH-3, MSH-12), its rules (PHW date of birth, MPI update source)
 * and the segments the message structure needs; plus small readers for ACK fields and events.
 */
final class ServerTestMessages {

  /** MSH-3 and MSH-12 a flow's local env file accepts. */
  record Flow(String name, String sendingApp, String version) {}

  static final Map<String, Flow> FLOWS =
      Map.of(
          "phw", new Flow("phw", "252", "2.5"),
          "paris", new Flow("paris", "169", "2.5.1"),
          "chemo", new Flow("chemo", "245", "2.4"),
          "pims", new Flow("pims", "PIMS", "2.3.1"),
          "mosaiq", new Flow("mosaiq", "285", "2.5"),
          "wds", new Flow("wds", "WDS", "2.5"),
          "mpi", new Flow("mpi", "100", "2.5"));

  static final String EVN = "EVN||20250502092900";
  static final String PID =
      "PID|1|7000001^^^108^PI|8888888^^^252^PI~4444444444^^^NHS^NH||TESTER^TEST^^^MR||19900101|F";
  static final String PD1 = "PD1|||SURGERY^^W00000";
  static final String PV1 = "PV1||U";
  static final String MRG = "MRG|9999999^^^252^PI";

  private ServerTestMessages() {}

  /**
   * A message of {@code flow} with MSH-9 {@code msh9}, carrying the segments its structure needs.
   */
  static String forFlow(String flow, String msh9, String controlId) {
    Flow f = FLOWS.get(flow);
    return message(f.sendingApp(), msh9, controlId, f.version(), segmentsFor(msh9));
  }

  /** The body segments (after MSH) a message with this MSH-9 needs to pass its XSD. */
  static List<String> segmentsFor(String msh9) {
    String trigger = msh9.split("\\^", -1).length > 1 ? msh9.split("\\^", -1)[1] : "";
    return switch (trigger) {
      case "A40" -> List.of(EVN, PID, MRG, PV1);
      case "A04", "A08", "A01" -> List.of(EVN, PID, PV1);
      default -> List.of(EVN, PID, PD1, PV1);
    };
  }

  /** {@code MSH|^~\&|<app>|<app>|100|100|...|<msh9>|<control id>|T|<version>} plus segments. */
  static String message(
      String sendingApp, String msh9, String controlId, String version, List<String> segments) {
    List<String> all = new ArrayList<>();
    all.add(
        "MSH|^~\\&|"
            + sendingApp
            + "|"
            + sendingApp
            + "|100|100|20250505232332||"
            + msh9
            + "|"
            + controlId
            + "|T|"
            + version);
    all.addAll(segments);
    return String.join("\r", all);
  }

  /** A valid PHW A31 (the phw env file's defaults). */
  static String phwA31(String controlId) {
    return forFlow("phw", "ADT^A31^ADT_A05", controlId);
  }

  /** A PHW A31 with PID-7 replaced by {@code dateOfBirth}. */
  static String phwA31WithDateOfBirth(String controlId, String dateOfBirth) {
    return message(
        "252",
        "ADT^A31^ADT_A05",
        controlId,
        "2.5",
        List.of(
            EVN,
            "PID|1||8888888^^^252^PI~4444444444^^^NHS^NH||TESTER^TEST^^^MR||" + dateOfBirth + "|F",
            PD1,
            PV1));
  }

  /** Field {@code n} of the first {@code segment} of an ER7 text ('|' separated, MSH-1 = "|"). */
  static String field(String er7, String segment, int n) {
    for (String line : er7.split("\r")) {
      if (line.startsWith(segment + "|")) {
        String[] fields = line.split("\\|", -1);
        int index = "MSH".equals(segment) ? n - 1 : n;
        if ("MSH".equals(segment) && n == 1) {
          return "|";
        }
        return index < fields.length ? fields[index] : "";
      }
    }
    throw new AssertionError("no " + segment + " segment in " + er7.replace('\r', '\n'));
  }

  /** Segment ids of an ER7 text, in order. */
  static List<String> segmentIds(String er7) {
    List<String> ids = new ArrayList<>();
    for (String line : er7.split("\r")) {
      if (!line.isEmpty()) {
        ids.add(line.substring(0, Math.min(3, line.length())));
      }
    }
    return ids;
  }

  /** The events of {@code type} recorded after the first {@code from} events. */
  static List<Event> eventsSince(ServerHarness server, int from, EventType type) {
    List<Event> all = server.events();
    return all.subList(Math.min(from, all.size()), all.size()).stream()
        .filter(e -> e.eventType() == type)
        .toList();
  }

  /** Every event recorded after the first {@code from} events. */
  static List<Event> eventsSince(ServerHarness server, int from) {
    List<Event> all = server.events();
    return List.copyOf(all.subList(Math.min(from, all.size()), all.size()));
  }

  /**
   * Reads until the server closes the connection (or resets it) and returns what came before the
   * close; fails when the connection is still open after {@code timeout}. The CR that ends a frame
   * already read with {@link RawMllpClient#readFrame} is not counted.
   */
  static byte[] bytesUntilClosed(RawMllpClient client, Duration timeout) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      try {
        byte[] next = client.readAvailable(left);
        int from = bytes.size() == 0 && next.length > 0 && next[0] == 0x0D ? 1 : 0;
        bytes.write(next, from, next.length - from);
      } catch (EOFException | SocketException e) {
        return bytes.toByteArray();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server did not close the connection within " + timeout, e);
      }
    }
  }
}
