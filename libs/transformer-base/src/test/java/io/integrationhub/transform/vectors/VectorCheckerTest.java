package io.integrationhub.transform.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VectorCheckerTest {

  private static final String OUT =
      String.join(
          "\r",
          "MSH|^~\\&|103~104|FAC|200|200|20250702085450||ADT^A28^ADT_A05|73726643|P|2.5|||||GBR||EN",
          "EVN|Sub|20250624161510",
          "PID|||8888888^^^252^PI~4444444444^^^NHS^NH||TEST^TEST^^^Mr.||||||||~07123456789||||||||||||||||\"\"",
          "NK1|1|A",
          "NK1|2|B");

  private static final TransformOutcome SUCCESS =
      TransformOutcome.success(OUT, "Message received", "Transformation applied");

  private static final TransformOutcome FAILURE =
      TransformOutcome.failure(
          "Message received", "PHW transformation failed", "Failed to transform PHW message: boom");

  private static List<String> check(TransformOutcome outcome, String... lines) {
    List<Expectation> expectations =
        ExpectationParser.parse(Path.of("t.expect.txt"), String.join("\n", lines));
    return VectorChecker.check(
        new TransformVector("t", "test", "MSH|^~\\&|X", Optional.empty(), expectations), outcome);
  }

  private static void passes(TransformOutcome outcome, String line) {
    assertThat(check(outcome, line)).as(line).isEmpty();
  }

  private static void fails(TransformOutcome outcome, String line, String messagePart) {
    assertThat(check(outcome, line))
        .as(line)
        .singleElement()
        .asString()
        .startsWith("t.expect.txt:1: " + line + " -> ")
        .contains(messagePart);
  }

  @Test
  void result() {
    passes(SUCCESS, "@RESULT = SUCCESS");
    passes(FAILURE, "@RESULT = FAILED");
    fails(FAILURE, "@RESULT = SUCCESS", "processing failed");
    fails(SUCCESS, "@RESULT = FAILED", "processing succeeded");
    TransformOutcome succeededWithoutSending =
        new TransformOutcome(
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    fails(succeededWithoutSending, "@RESULT = SUCCESS", "nothing was sent");
  }

  @Test
  void sent() {
    passes(FAILURE, "@SENT = no");
    fails(SUCCESS, "@SENT = no", "a message was sent");
    passes(SUCCESS, "@SENT = yes");
    fails(FAILURE, "@SENT = yes", "nothing was sent");
  }

  @Test
  void segmentsAndVersion() {
    passes(SUCCESS, "@SEGMENTS = MSH,EVN,PID,NK1,NK1");
    fails(SUCCESS, "@SEGMENTS = MSH,EVN,PID,NK1", "<MSH,EVN,PID,NK1,NK1>");
    fails(FAILURE, "@SEGMENTS = MSH", "nothing was sent");
    passes(SUCCESS, "@VERSION = 2.5");
    fails(SUCCESS, "@VERSION = 2.4", "MSH.12.1: expected <2.4> but was <2.5>");
  }

  @Test
  void audits() {
    passes(SUCCESS, "@AUDIT.received = Message received");
    fails(SUCCESS, "@AUDIT.received = Message", "expected <Message> but was <Message received>");
    passes(SUCCESS, "@AUDIT.processed = Transformation applied");
    fails(FAILURE, "@AUDIT.processed = Transformation applied", "no MESSAGE_PROCESSED event");
    passes(FAILURE, "@AUDIT.processed = (none)");
    fails(SUCCESS, "@AUDIT.processed = (none)", "expected no MESSAGE_PROCESSED event");
    passes(FAILURE, "@AUDIT.failed.validation = PHW transformation failed");
    fails(SUCCESS, "@AUDIT.failed.validation = PHW transformation failed", "no MESSAGE_FAILED");
    passes(FAILURE, "@AUDIT.failed.error ^= Failed to transform PHW message: ");
    fails(FAILURE, "@AUDIT.failed.error ^= Failed to transform PIMS", "starting with");
  }

  @Test
  void trailingSpaceOfAPrefixIsSignificant() {
    TransformOutcome noSpace =
        TransformOutcome.failure(null, null, "Failed to transform PHW message:boom");
    fails(noSpace, "@AUDIT.failed.error ^= Failed to transform PHW message: ", "starting with");
  }

  @Test
  void pathEquals() {
    passes(SUCCESS, "MSH.3 = 103");
    passes(SUCCESS, "MSH.3[2] = 104");
    passes(SUCCESS, "MSH.1 = |");
    passes(SUCCESS, "MSH.2 = ^~\\&");
    passes(SUCCESS, "PID.5 = TEST^TEST^^^Mr.");
    passes(SUCCESS, "PID.3[2].4.1 = NHS");
    passes(SUCCESS, "EVN = EVN|Sub|20250624161510");
    passes(SUCCESS, "NK1[2] = NK1|2|B");
    fails(SUCCESS, "PID.3[2].1 = 8888888", "PID.3[2].1: expected <8888888> but was <4444444444>");
    fails(FAILURE, "PID.5 = X", "nothing was sent");
  }

  @Test
  void emptyAbsentAndExplicitNull() {
    passes(SUCCESS, "PID.1 = (empty)");
    passes(SUCCESS, "PID.13 = (empty)");
    passes(SUCCESS, "PV1.2 = (empty)");
    fails(SUCCESS, "PID.5 = (empty)", "expected <> but was <TEST^TEST^^^Mr.>");
    passes(SUCCESS, "PV1 = (absent)");
    fails(SUCCESS, "EVN = (absent)", "segment is present: <EVN|Sub|20250624161510>");
    passes(SUCCESS, "PID.29 = \"\"");
    fails(SUCCESS, "PID.28 = \"\"", "expected <\"\"> but was <>");
    fails(SUCCESS, "PID.29 = (empty)", "but was <\"\">");
  }

  @Test
  void regex() {
    passes(SUCCESS, "MSH.7 =~ ^[0-9]{14}$");
    passes(SUCCESS, "MSH.7 =~ [0-9]{14}");
    fails(SUCCESS, "MSH.7 =~ [0-9]{8}", "expected a match of /[0-9]{8}/");
  }

  @Test
  void counts() {
    passes(SUCCESS, "COUNT(PID.3) = 2");
    passes(SUCCESS, "COUNT(PID.13) = 2");
    passes(SUCCESS, "COUNT(PID.2) = 0");
    passes(SUCCESS, "COUNT(MSH.3) = 2");
    passes(SUCCESS, "COUNT(NK1) = 2");
    passes(SUCCESS, "COUNT(PV1) = 0");
    passes(SUCCESS, "COUNT(PV1.2) = 0");
    fails(SUCCESS, "COUNT(PID.3) = 1", "COUNT(PID.3): expected <1> but was <2>");
  }

  @Test
  void everyLineIsEvaluatedAndEveryMismatchReported() {
    List<String> mismatches =
        check(SUCCESS, "@RESULT = SUCCESS", "PID.8 = M", "# comment", "COUNT(NK1) = 3");
    assertThat(mismatches).hasSize(2);
    assertThat(mismatches.get(0)).startsWith("t.expect.txt:2: PID.8 = M -> ");
    assertThat(mismatches.get(1)).startsWith("t.expect.txt:4: COUNT(NK1) = 3 -> ");
  }

  @Test
  void semanticEqualityTrimsTrailingEmptyPartsOnly() {
    String reference = "MSH|^~\\&|A|B\rPID|1||X^^W99999~~Y||N&&^\rPV1|";
    String actual = "MSH|^~\\&|A|B|||\r\nPID|1||X^^W99999^~^^~Y^||N^^|||\r\nPV1||\r\n";
    assertThat(VectorChecker.semanticallyEqual(reference, actual)).isEmpty();
  }

  @Test
  void semanticEqualityReportsDifferingMissingAndExtraSegments() {
    assertThat(VectorChecker.semanticallyEqual("MSH|^~\\&|A\rPID|1||~X", "MSH|^~\\&|A\rPID|1||X"))
        .singleElement()
        .asString()
        .contains("segment 2")
        .contains("expected <PID|1||~X>")
        .contains("actual   <PID|1||X>");
    assertThat(VectorChecker.semanticallyEqual("MSH|^~\\&|A\rPID|1", "MSH|^~\\&|A"))
        .containsExactly("segment 2: missing <PID|1>");
    assertThat(VectorChecker.semanticallyEqual("MSH|^~\\&|A", "MSH|^~\\&|A\rZZZ|1"))
        .containsExactly("segment 2: unexpected <ZZZ|1>");
    assertThat(VectorChecker.semanticallyEqual("MSH|^~\\&|A^B", "MSH|^~\\&|A^C")).hasSize(1);
  }
}
