package io.integrationhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message file of {@code shared/conformance/inbound/<folder>/} sent over a real socket to a
 * real server configured as {@code flows.tsv} says, one server per folder; the outcome (ACK AA or
 * rejection) compared with the reference's verdict in {@code verdicts.tsv}. Every AA message must
 * be on the egress with the file content as its body; every rejection gets no reply and exactly one
 * MESSAGE_FAILED event.
 *
 * <p>Where this server deliberately decides differently from the reference, the file is listed in
 * {@link #DELIBERATE_DIFFERENCES} with the reason, and the test expects this server's verdict (so a
 * change of behaviour in either direction is noticed).
 */
class InboundConformanceTest {

  private static final String AA = "AA";
  private static final String REJECT = "REJECT";

  /** File → (this server's verdict, why it differs from the reference's). */
  static final Map<String, Difference> DELIBERATE_DIFFERENCES =
      Map.of(
          "chemo/a31-valid-evn-inside-msh.hl7",
          new Difference(
              REJECT,
              "The segment after MSH is 'EVN' inside MSH's last field (no CR before EVN), so the"
                  + " message has no EVN segment. The reference's hl7apy-based XML conversion"
                  + " invents an empty EVN (and PV1) and passes the ADT_A05 XSD; this server's"
                  + " XSD validation does not invent segments and rejects it."));

  /** This server's verdict for a file that deliberately differs from the reference. */
  record Difference(String verdict, String reason) {}

  /** One row of verdicts.tsv. */
  record Verdict(String file, String flow, String verdict, String referenceOutcome) {}

  static Stream<String> folders() {
    return Stream.of("phw", "paris", "chemo", "pims", "mosaiq", "wds", "mpi", "other");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void everyFileOfTheFolderGetsTheReferenceVerdict(String folder) throws Exception {
    Path inbound = inboundDirectory();
    Map<String, Verdict> verdicts = verdicts(inbound);
    Map<String, String> flowConfig = flows(inbound).get(folder);
    assertThat(flowConfig).as("flows.tsv row for %s", folder).isNotNull();
    List<Path> files;
    try (Stream<Path> listing = Files.list(inbound.resolve(folder))) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).as("message files in %s", folder).isNotEmpty();

    List<String> mismatches = new ArrayList<>();
    List<String> names = files.stream().map(f -> folder + "/" + f.getFileName()).toList();
    verdicts.keySet().stream()
        .filter(file -> file.startsWith(folder + "/") && !names.contains(file))
        .forEach(file -> mismatches.add(file + ": in verdicts.tsv but no such file"));
    List<String> accepted = new ArrayList<>();
    try (ServerHarness server = startServer(folder, flowConfig)) {
      for (Path file : files) {
        String name = folder + "/" + file.getFileName();
        Verdict reference = verdicts.get(name);
        if (reference == null) {
          mismatches.add(name + ": no row in verdicts.tsv");
          continue;
        }
        String expected =
            Optional.ofNullable(DELIBERATE_DIFFERENCES.get(name))
                .map(Difference::verdict)
                .orElse(reference.verdict());
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int failedBefore = server.events(EventType.MESSAGE_FAILED).size();
        int processedBefore = server.events(EventType.MESSAGE_PROCESSED).size();

        Optional<String> reply = server.send(content);

        String actual = reply.map(InboundConformanceTest::ackCode).orElse(REJECT);
        int failed = server.events(EventType.MESSAGE_FAILED).size() - failedBefore;
        int processed = server.events(EventType.MESSAGE_PROCESSED).size() - processedBefore;
        if (!actual.equals(expected)) {
          mismatches.add(
              name
                  + ": expected "
                  + expected
                  + " (reference: "
                  + reference.referenceOutcome()
                  + ") but was "
                  + actual
                  + lastFailure(server, failed));
        } else if (AA.equals(actual)) {
          accepted.add(content);
          if (processed != 1 || failed != 0) {
            mismatches.add(
                name
                    + ": AA but "
                    + processed
                    + " MESSAGE_PROCESSED, "
                    + failed
                    + " MESSAGE_FAILED");
          }
          String controlId = field(content, 10);
          if (!reply.get().contains("\rMSA|AA|" + controlId + "\r")) {
            mismatches.add(name + ": ACK does not acknowledge MSH-10 " + controlId);
          }
        } else if (failed != 1 || processed != 0) {
          mismatches.add(
              name
                  + ": rejected with "
                  + failed
                  + " MESSAGE_FAILED and "
                  + processed
                  + " MESSAGE_PROCESSED events (expected exactly one MESSAGE_FAILED)");
        }
      }
      assertThat(mismatches).as("differences from verdicts.tsv in %s", folder).isEmpty();

      List<ReceivedMessage> published =
          accepted.isEmpty() ? List.of() : server.drainEgress(accepted.size() + 5);
      assertThat(published)
          .as("egress of %s holds each accepted file, in order, body = file content", folder)
          .extracting(ReceivedMessage::body)
          .containsExactlyElementsOf(accepted);
    }
  }

  @Test
  void everyDeliberateDifferenceReallyDiffersFromTheReference() throws IOException {
    Map<String, Verdict> verdicts = verdicts(inboundDirectory());
    DELIBERATE_DIFFERENCES.forEach(
        (file, difference) -> {
          assertThat(verdicts).as("verdicts.tsv row for %s", file).containsKey(file);
          assertThat(difference.verdict())
              .as("%s: this server's verdict must differ from the reference's", file)
              .isNotEqualTo(verdicts.get(file).verdict());
          assertThat(difference.reason()).isNotBlank();
        });
  }

  private static ServerHarness startServer(String folder, Map<String, String> flowConfig) {
    Map<String, String> overrides = new HashMap<>(flowConfig);
    // "other" = no version, sending-app or flow checks; the PHW env file's queue as egress.
    return "other".equals(folder)
        ? ServerHarness.start(overrides)
        : ServerHarness.startFlow(folder, overrides);
  }

  private static String lastFailure(ServerHarness server, int failed) {
    if (failed == 0) {
      return "";
    }
    List<Event> events = server.events(EventType.MESSAGE_FAILED);
    return " [" + events.get(events.size() - 1).errorDetails() + "]";
  }

  /** MSA-1 of an ACK, or the whole reply when it has no MSA. */
  static String ackCode(String ack) {
    for (String segment : ack.split("\r")) {
      if (segment.startsWith("MSA|")) {
        String[] fields = segment.split("\\|", -1);
        return fields.length > 1 ? fields[1] : "";
      }
    }
    return "no MSA in reply: " + ack.replace('\r', '/');
  }

  /** MSH-n of an ER7 message with any field separator. */
  static String field(String message, int n) {
    String msh = message.split("[\r\n]", 2)[0];
    String separator = String.valueOf(msh.charAt(3));
    String[] fields = msh.split(Pattern.quote(separator), -1);
    // fields[0] = "MSH", fields[1] = MSH-2: MSH-n is fields[n - 1].
    return n - 1 < fields.length ? fields[n - 1] : "";
  }

  static Path inboundDirectory() {
    String shared = System.getProperty("hub.shared.dir");
    Assumptions.assumeTrue(
        shared != null && !shared.isBlank(),
        "hub.shared.dir is not set: shared conformance data unavailable");
    Path inbound = Path.of(shared, "conformance", "inbound");
    Assumptions.assumeTrue(
        Files.isRegularFile(inbound.resolve("verdicts.tsv"))
            && Files.isRegularFile(inbound.resolve("flows.tsv")),
        "no shared conformance data at " + inbound);
    return inbound;
  }

  static Map<String, Verdict> verdicts(Path inbound) throws IOException {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (List<String> row : tsv(inbound.resolve("verdicts.tsv"))) {
      verdicts.put(
          row.get(0),
          new Verdict(row.get(0), row.get(1), row.get(2), row.size() > 3 ? row.get(3) : ""));
    }
    return verdicts;
  }

  /** Folder → HL7_VERSION, SENDING_APP, HL7_VALIDATION_FLOW (empty string = check off). */
  static Map<String, Map<String, String>> flows(Path inbound) throws IOException {
    List<String> header = null;
    Map<String, Map<String, String>> flows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(inbound.resolve("flows.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = List.of(line.split("\t", -1));
      if (header == null) {
        header = cells;
        continue;
      }
      Map<String, String> config = new HashMap<>();
      for (int i = 1; i < header.size(); i++) {
        config.put(header.get(i).strip(), i < cells.size() ? cells.get(i).strip() : "");
      }
      flows.put(cells.get(0).strip(), config);
    }
    return flows;
  }

  private static List<List<String>> tsv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(List.of(line.split("\t", -1)));
      }
    }
    return rows;
  }
}
