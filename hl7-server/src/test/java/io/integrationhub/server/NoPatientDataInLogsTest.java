package io.integrationhub.server;

import static io.integrationhub.server.InboundTestMessages.concat;
import static io.integrationhub.server.InboundTestMessages.frame;
import static io.integrationhub.server.InboundTestMessages.msa;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.integrationhub.events.Event;
import io.integrationhub.events.EventType;
import io.integrationhub.events.JsonLogEventSink;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while fictional patient data flows through real servers of several flows —
 * accepted, rejected by every kind of check, malformed — must be free of that data: events are
 * logged as JSON lines with redacted content, and no other log line may quote payload text. The
 * same run with {@code HL7_LOG_REDACTION_ENABLED=false} shows the data in the event lines, which
 * proves the capture and the search work.
 *
 * <p>Captured: every logback event of every logger (formatted message, throwable with causes, MDC)
 * with {@code io.integrationhub} at DEBUG, and all of System.out / System.err.
 */
class NoPatientDataInLogsTest {

  private static final String SURNAME = "ZZTESTSURNAME";
  private static final String FORENAME = "ZZTESTFORENAME";
  private static final String NHS_NUMBER = "9990001234";
  private static final String STREET = "ZZTESTROAD";
  private static final List<String> PATIENT_DATA = List.of(SURNAME, FORENAME, NHS_NUMBER, STREET);

  private static final Duration REPLY = Duration.ofSeconds(5);

  /** One message to send, the server it goes to, and whether it must be acknowledged AA. */
  private record Case(String name, String flow, byte[] frame, boolean accepted) {}

  @Test
  void noPatientDataInAnyLogLineWithRedactionOn() throws Exception {
    List<Case> cases = new ArrayList<>();
    cases.addAll(phwCases());
    cases.addAll(mpiCases());
    cases.addAll(chemoCases());

    Run run = run(cases, Map.of());

    assertThat(run.eventLines())
        .as("event lines were captured (the capture works)")
        .hasSizeGreaterThanOrEqualTo(cases.size());
    assertThat(run.failureReasons())
        .as("every kind of rejection was exercised")
        .contains(
            "Invalid character encoding",
            "Invalid HL7 message format",
            "Unsupported message type",
            "HL7 parsing error",
            "HL7 validation failed",
            "XML schema validation failed",
            "Message size limit exceeded");
    for (String data : PATIENT_DATA) {
      assertThat(run.lines())
          .as("log lines containing %s", data)
          .filteredOn(line -> line.contains(data))
          .isEmpty();
      assertThat(run.console()).as("console output containing %s", data).doesNotContain(data);
    }
  }

  @Test
  void withRedactionOffThePatientDataAppearsInTheEventLinesOnly() throws Exception {
    Run run = run(phwCases(), Map.of("HL7_LOG_REDACTION_ENABLED", "false"));

    assertThat(run.eventLines())
        .as("event lines with the surname when redaction is off")
        .anySatisfy(line -> assertThat(line).contains(SURNAME, FORENAME, NHS_NUMBER, STREET));
    assertThat(run.console()).contains(SURNAME);
    // Even then, no other log line quotes payload text.
    List<String> otherLines =
        run.lines().stream().filter(line -> !run.eventLines().contains(line)).toList();
    assertThat(otherLines).isNotEmpty();
    for (String data : PATIENT_DATA) {
      assertThat(otherLines)
          .as("non-event log lines containing %s", data)
          .filteredOn(line -> line.contains(data))
          .isEmpty();
    }
  }

  // ---- the messages
  // ------------------------------------------------------------------------------

  private static String pid() {
    return "PID|||8888888^^^252^PI~"
        + NHS_NUMBER
        + "^^^NHS^NH||"
        + SURNAME
        + "^"
        + FORENAME
        + "^^^MR||19900101|F|||1 "
        + STREET
        + "^CARDIFF^^^CF99 9ZZ";
  }

  private static String phw(String controlId, String... segmentsAfterMsh) {
    return "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|"
        + controlId
        + "|T|2.5\r"
        + String.join("\r", segmentsAfterMsh);
  }

  private static List<Case> phwCases() {
    String evn = "EVN||20250502092900";
    String pd1 = "PD1|||SURGERY^^W00000";
    String pv1 = "PV1||U";
    String valid = phw("PII-PHW-1", evn, pid(), pd1, pv1);
    byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
    int at = new String(validBytes, StandardCharsets.ISO_8859_1).indexOf(SURNAME);
    byte[] invalidUtf8 =
        concat(
            Arrays.copyOfRange(validBytes, 0, at),
            new byte[] {(byte) 0xC3, 0x28},
            Arrays.copyOfRange(validBytes, at, validBytes.length));
    String freeTextLf =
        phw("PII-PHW-6", evn, pid(), pd1, pv1)
            + "\rNTE|1|note\nMR "
            + SURNAME
            + " LIVES AT 1 "
            + STREET
            + " NHS "
            + NHS_NUMBER;
    String freeTextCr = freeTextLf.replace('\n', '\r').replace("PII-PHW-6", "PII-PHW-7");
    String big =
        phw(
            "PII-PHW-12",
            evn,
            pid() + "~" + (SURNAME + " " + STREET + " " + NHS_NUMBER + " ").repeat(200),
            pd1,
            pv1);
    return List.of(
        new Case("accepted", "phw", frame(valid), true),
        new Case(
            "DOB rule",
            "phw",
            frame(valid.replace("|19900101|", "|1990-01-01|").replace("PII-PHW-1", "PII-PHW-2")),
            false),
        new Case("XSD: no PV1", "phw", frame(phw("PII-PHW-3", evn, pid(), pd1)), false),
        new Case(
            "unrouted type",
            "phw",
            frame(valid.replace("ADT^A31^ADT_A05", "ADT^A01^ADT_A01").replace("-1|", "-4|")),
            false),
        new Case("invalid UTF-8", "phw", frame(invalidUtf8), false),
        new Case("free-text line break (LF)", "phw", frame(freeTextLf), false),
        new Case("free-text line break (CR)", "phw", frame(freeTextCr), false),
        new Case(
            "sending application",
            "phw",
            frame(valid.replace("MSH|^~\\&|252|", "MSH|^~\\&|999|").replace("-1|", "-8|")),
            false),
        new Case(
            "not HL7",
            "phw",
            frame("Dear " + FORENAME + " " + SURNAME + ", NHS number " + NHS_NUMBER),
            false),
        new Case("leading CR", "phw", frame("\r" + valid), false),
        new Case(
            "unknown segment",
            "phw",
            frame(phw("PII-PHW-11", evn, "XXX|" + SURNAME + "|" + NHS_NUMBER, pid(), pd1, pv1)),
            false),
        new Case("oversize frame", "phw", frame(big), false),
        new Case(
            "wrong version",
            "phw",
            frame(valid.replace("|T|2.5\r", "|T|2.4\r").replace("-1|", "-13|")),
            false));
  }

  private static String mpi(String controlId, String type, String pid2) {
    return "MSH|^~\\&|100|100|200|200|20260218140034||"
        + type
        + "|"
        + controlId
        + "|P|2.5|||||GBR||EN\rEVN||20260218140015\r"
        + pid().replace("PID|||", "PID||" + pid2 + "|")
        + "\rZPI|"
        + SURNAME
        + "|"
        + NHS_NUMBER
        + "\rPV1||N";
  }

  private static List<Case> mpiCases() {
    return List.of(
        new Case(
            "MPI accepted",
            "mpi",
            frame(mpi("PII-MPI-1", "ADT^A28^ADT_A05", NHS_NUMBER + "^^^108^PI")),
            true),
        new Case(
            "MPI rule M3 (no update source)",
            "mpi",
            frame(mpi("PII-MPI-2", "ADT^A28^ADT_A05", NHS_NUMBER + "^^^^PI")),
            false),
        new Case(
            "MPI rule M2 (A04)",
            "mpi",
            frame(mpi("PII-MPI-3", "ADT^A04^ADT_A01", NHS_NUMBER + "^^^108^PI")),
            false));
  }

  private static String chemo(String controlId, String version, boolean withEvn) {
    return "MSH|^~\\&|212|212|200|200|20250701140735||ADT^A31|"
        + controlId
        + "|P|"
        + version
        + "|||NE|NE\r"
        + (withEvn ? "EVN|Sub|20250701140735\r" : "")
        + "PID|1|"
        + NHS_NUMBER
        + "^^^^NH|"
        + NHS_NUMBER
        + "^^^^NH||"
        + SURNAME
        + "^"
        + FORENAME
        + "^T^^Mrs.||20000101000000|F|||1 "
        + STREET
        + ",^TEST^TEST TEST^^CF11 9AD||01000 000 001\rPD1||||G7000001\rPV1||U";
  }

  private static List<Case> chemoCases() {
    return List.of(
        new Case("chemo accepted", "chemo", frame(chemo("PII-CH-1", "2.4", true)), true),
        new Case("chemo XSD: no EVN", "chemo", frame(chemo("PII-CH-2", "2.4", false)), false),
        new Case("chemo wrong version", "chemo", frame(chemo("PII-CH-3", "2.5", true)), false));
  }

  // ---- running and capturing
  // ---------------------------------------------------------------------

  /** What was logged: every log line (with throwables), the event lines, and the console text. */
  private record Run(
      List<String> lines, List<String> eventLines, String console, Set<String> failureReasons) {}

  private static Run run(List<Case> cases, Map<String, String> overrides) throws Exception {
    Map<String, List<Case>> byFlow =
        cases.stream()
            .collect(Collectors.groupingBy(Case::flow, LinkedHashMap::new, Collectors.toList()));
    Set<String> failureReasons = new TreeSet<>();
    try (Capture capture = Capture.start()) {
      for (Map.Entry<String, List<Case>> flow : byFlow.entrySet()) {
        Map<String, String> env = new HashMap<>(overrides);
        env.put("MAX_MESSAGE_SIZE_BYTES", "4000");
        if ("chemo".equals(flow.getKey())) {
          env.put("NAK_ON_ERROR", "true"); // the negative-ACK path logs too
        }
        try (ServerHarness server = ServerHarness.startFlow(flow.getKey(), env)) {
          for (Case c : flow.getValue()) {
            int failedBefore = server.events(EventType.MESSAGE_FAILED).size();
            String code = send(server, c.frame());
            assertThat(code)
                .as("%s: reply", c.name())
                .isEqualTo(c.accepted() ? "AA" : rejected(env));
            List<Event> failed = server.events(EventType.MESSAGE_FAILED);
            assertThat(failed.size() - failedBefore)
                .as("%s: MESSAGE_FAILED events", c.name())
                .isEqualTo(c.accepted() ? 0 : 1);
            if (!c.accepted()) {
              failureReasons.add(failed.get(failed.size() - 1).validationResult());
            }
          }
        }
      }
      return capture.result(failureReasons);
    }
  }

  private static String rejected(Map<String, String> env) {
    return "true".equals(env.get("NAK_ON_ERROR")) ? "AE" : "none";
  }

  /** MSA-1 of the reply, or "none" when the server closed without replying. */
  private static String send(ServerHarness server, byte[] frame) throws IOException {
    try (RawMllpClient client = server.connect()) {
      try {
        client.send(frame);
        return msa(client.readFrame(REPLY), 1);
      } catch (EOFException | SocketException e) {
        return "none";
      } catch (SocketTimeoutException e) {
        return "timeout";
      }
    }
  }

  /** Captures logback events of all loggers and everything written to System.out / System.err. */
  private static final class Capture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Logger hub;
    private final Level hubLevel;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Capture() {
      assertThat(LoggerFactory.getILoggerFactory())
          .as("logback is the SLF4J binding on the test classpath")
          .isInstanceOf(LoggerContext.class);
      root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      hub = (Logger) LoggerFactory.getLogger("io.integrationhub");
      hubLevel = hub.getLevel();
    }

    static Capture start() {
      Capture capture = new Capture();
      capture.hub.setLevel(Level.DEBUG);
      capture.appender.setContext(capture.root.getLoggerContext());
      capture.appender.start();
      capture.root.addAppender(capture.appender);
      System.setOut(tee(capture.originalOut, capture.console));
      System.setErr(tee(capture.originalErr, capture.console));
      return capture;
    }

    private static PrintStream tee(PrintStream original, OutputStream copy) {
      return new PrintStream(
          new OutputStream() {
            @Override
            public void write(int b) {
              original.write(b);
              synchronized (copy) {
                try {
                  copy.write(b);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            }

            @Override
            public void write(byte[] b, int off, int len) {
              original.write(b, off, len);
              synchronized (copy) {
                try {
                  copy.write(b, off, len);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            }

            @Override
            public void flush() {
              original.flush();
            }
          },
          true,
          StandardCharsets.UTF_8);
    }

    Run result(Set<String> failureReasons) {
      List<ILoggingEvent> events;
      synchronized (appender) {
        events = List.copyOf(appender.list);
      }
      List<String> lines = new ArrayList<>();
      List<String> eventLines = new ArrayList<>();
      for (ILoggingEvent event : events) {
        StringBuilder line =
            new StringBuilder(event.getLoggerName())
                .append(' ')
                .append(event.getLevel())
                .append(' ')
                .append(event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
          line.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        Optional.ofNullable(event.getMDCPropertyMap())
            .filter(mdc -> !mdc.isEmpty())
            .ifPresent(mdc -> line.append(" MDC=").append(mdc));
        lines.add(line.toString());
        if (JsonLogEventSink.LOGGER_NAME.equals(event.getLoggerName())) {
          eventLines.add(line.toString());
        }
      }
      String text;
      synchronized (console) {
        text = console.toString(StandardCharsets.UTF_8);
      }
      return new Run(lines, eventLines, text, failureReasons);
    }

    @Override
    public void close() {
      System.setOut(originalOut);
      System.setErr(originalErr);
      root.detachAppender(appender);
      appender.stop();
      hub.setLevel(hubLevel);
    }
  }
}
