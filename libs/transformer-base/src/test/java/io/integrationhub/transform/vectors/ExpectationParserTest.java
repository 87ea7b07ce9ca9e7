package io.integrationhub.transform.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.vectors.Expectation.Kind;
import io.integrationhub.transform.vectors.Expectation.Operator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationParserTest {

  private static final Path FILE = Path.of("x/v.expect.txt");

  private static Expectation line(String text) {
    return ExpectationParser.parseLine(FILE, 7, text);
  }

  @Test
  void parsesEveryLineFormAndSkipsCommentsAndBlankLines() {
    String text =
        String.join(
            "\n",
            "# vector: x/v",
            "",
            "@RESULT = SUCCESS",
            "@SENT = no",
            "@SEGMENTS = MSH,EVN,PID",
            "@VERSION = 2.5",
            "@AUDIT.received = Message received",
            "@AUDIT.processed = (none)",
            "@AUDIT.failed.validation = PHW transformation failed",
            "@AUDIT.failed.error ^= Failed to transform PHW message: ",
            "PID.3[2].4.1 = NHS",
            "MSH.7 =~ ^[0-9]{14}$",
            "COUNT(PID.3) = 2",
            "COUNT(NK1) = 0",
            "MRG = (absent)",
            "PID.29 = \"\"",
            "PID.1 = (empty)",
            "EVN = EVN|Sub|20250624161510");
    List<Expectation> parsed = ExpectationParser.parse(FILE, text);

    assertThat(parsed)
        .extracting(Expectation::kind)
        .containsExactly(
            Kind.RESULT,
            Kind.SENT,
            Kind.SEGMENTS,
            Kind.VERSION,
            Kind.AUDIT_RECEIVED,
            Kind.AUDIT_PROCESSED,
            Kind.AUDIT_FAILED_VALIDATION,
            Kind.AUDIT_FAILED_ERROR,
            Kind.PATH,
            Kind.PATH,
            Kind.COUNT,
            Kind.COUNT,
            Kind.PATH,
            Kind.PATH,
            Kind.PATH,
            Kind.PATH);
    assertThat(parsed.get(0).lineNumber()).isEqualTo(3);
    assertThat(parsed.get(7).operator()).isEqualTo(Operator.STARTS_WITH);
    assertThat(parsed.get(7).value()).isEqualTo("Failed to transform PHW message: ");
    assertThat(parsed.get(8).path()).contains(new Er7Path("PID", 1, 3, 2, 4, 1));
    assertThat(parsed.get(9).operator()).isEqualTo(Operator.MATCHES);
    assertThat(parsed.get(9).value()).isEqualTo("^[0-9]{14}$");
    assertThat(parsed.get(13).expectedText()).isEqualTo("\"\"");
    assertThat(parsed.get(14).expectedText()).isEmpty();
    assertThat(parsed.get(15).value()).isEqualTo("EVN|Sub|20250624161510");
  }

  @Test
  void valueIsTakenVerbatimIncludingSpacesAndEqualsSigns() {
    Expectation e = line("@AUDIT.processed = a = b ; c =~ d ");
    assertThat(e.value()).isEqualTo("a = b ; c =~ d ");
  }

  @Test
  void crLfLineEndingsAreAccepted() {
    assertThat(ExpectationParser.parse(FILE, "@RESULT = FAILED\r\n@SENT = no\r\n"))
        .extracting(Expectation::value)
        .containsExactly("FAILED", "no");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PID.3",
        "PID.3 == X",
        "PID.3=X",
        "PID.3 = ",
        "@RESULT = OK",
        "@RESULT =~ SUCCESS",
        "@SENT = maybe",
        "@SEGMENTS = MSH;PID",
        "@AUDIT.failed.error = Failed",
        "@AUDIT.unknown = x",
        "pid.3 = X",
        "PID.0 = X",
        "PID[0] = X",
        "PID.3.1.1.1 = X",
        "PID.3 = (absent)",
        "PID.3 = (none)",
        "PID.3 ^= X",
        "MSH.7 =~ [0-9",
        "COUNT(PID.3) = two",
        "COUNT(PID.3[1]) = 1",
        "COUNT(PID.3.1) = 1",
        "COUNT(NK1[2]) = 1",
        "COUNT(PID.3) =~ 1",
        "NOPE(PID.3) = 1"
      })
  void unknownOrInvalidFormsNameFileAndLine(String text) {
    assertThatThrownBy(() -> ExpectationParser.parse(FILE, "# header\n" + text))
        .isInstanceOf(ExpectationParseException.class)
        .hasMessageStartingWith(FILE + ":2: ")
        .hasMessageEndingWith("'" + text + "'");
  }

  @Test
  void parsesAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.expect.txt");
    Files.writeString(file, "# c\n@RESULT = SUCCESS\nPID.5.1.1 = TEST\n");
    assertThat(ExpectationParser.parse(file)).hasSize(2).allMatch(e -> e.file().equals(file));
  }

  /** Every {@code .expect.txt} of the shared conformance vectors parses (skipped without them). */
  @Test
  void everySharedExpectationFileParses() throws IOException {
    Path transform = TransformVectors.sharedDirectory("").normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(transform)) {
      files = walk.filter(f -> f.toString().endsWith(".expect.txt")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    int lines = 0;
    for (Path file : files) {
      lines += ExpectationParser.parse(file).size();
    }
    assertThat(lines).isGreaterThan(files.size());
    for (String flow : List.of("phw", "chemo", "pims")) {
      List<TransformVector> vectors = TransformVectors.loadShared(flow);
      assertThat(vectors).as(flow).isNotEmpty();
      assertThat(vectors).allMatch(v -> !v.expectations().isEmpty());
    }
  }
}
