package io.integrationhub.transform.phw;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.vectors.Expectation;
import io.integrationhub.transform.vectors.ExpectationParser;
import io.integrationhub.transform.vectors.TransformOutcome;
import io.integrationhub.transform.vectors.TransformVector;
import io.integrationhub.transform.vectors.TransformVectors;
import io.integrationhub.transform.vectors.VectorChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every shared PHW conformance vector ({@code conformance/transform/phw}) through {@link
 * PhwTransformer}: all expectation lines must hold and, where the vector has an {@code .out.hl7},
 * the output must equal it semantically. Skipped when the shared data is absent.
 */
class PhwConformanceTest {

  /**
   * A deliberate deviation from the reference: in vector {@code vector}, the expectation line
   * {@code line} (exact text) is replaced by {@code replacement} (zero or more lines).
   */
  private record Deviation(String vector, String line, List<String> replacement, String reason) {}

  private static final String P5 =
      "spec §3.6 P5 / §3.2: an empty MSH.7 fails the message (value error) instead of getting the"
          + " transformer's wall-clock time";

  /** Every deliberate deviation, each overriding one line of one vector. */
  private static final List<Deviation> DEVIATIONS =
      List.of(
          new Deviation(
              "msh_no_datetime",
              "@RESULT = SUCCESS",
              List.of(
                  "@RESULT = FAILED",
                  "@SENT = no",
                  "@AUDIT.failed.validation = PHW transformation failed",
                  "@AUDIT.failed.error ^= Failed to transform PHW message: MSH.7"),
              P5),
          new Deviation("msh_no_datetime", "MSH.7 =~ ^[0-9]{14}$", List.of(), P5),
          new Deviation(
              "msh_no_datetime",
              "@AUDIT.processed = PHW transformation applied for SENDING_APP: PHW",
              List.of("@AUDIT.processed = (none)"),
              P5));

  /** Vectors whose {@code .out.hl7} is not compared, with the reason (none so far). */
  private static final Map<String, String> OUTPUT_NOT_COMPARED = Map.of();

  private static final Set<Deviation> USED = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean RAN = new AtomicBoolean();

  private final PhwTransformer transformer = new PhwTransformer();

  static List<TransformVector> vectors() {
    return TransformVectors.loadShared("phw");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vectorHolds(TransformVector vector) {
    RAN.set(true);
    TransformOutcome outcome = run(vector.input());

    List<String> mismatches = VectorChecker.check(expectations(vector), outcome);
    assertThat(mismatches).as("expectation lines of %s", vector).isEmpty();

    if (vector.expectedOutput().isPresent() && !OUTPUT_NOT_COMPARED.containsKey(vector.name())) {
      assertThat(outcome.sent()).as("sent message of %s", vector).isPresent();
      assertThat(
              VectorChecker.semanticallyEqual(
                  vector.expectedOutput().get(), outcome.sent().orElseThrow()))
          .as("output of %s compared with its .out.hl7", vector)
          .isEmpty();
    }
  }

  @AfterAll
  static void everyDeviationWasUsed() {
    if (RAN.get()) {
      assertThat(USED).as("deviations that matched a vector line").hasSameSizeAs(DEVIATIONS);
    }
  }

  /** The pipeline's view: received audit, transform, then sent + processed or failed texts. */
  private TransformOutcome run(String input) {
    return TransformOutcome.of(transformer, input);
  }

  /** The vector's expectations with the deviations of this vector applied. */
  private static List<Expectation> expectations(TransformVector vector) {
    List<Expectation> result = new ArrayList<>();
    for (Expectation expectation : vector.expectations()) {
      Deviation deviation = deviation(vector.name(), expectation.line());
      if (deviation == null) {
        result.add(expectation);
        continue;
      }
      USED.add(deviation);
      for (String line : deviation.replacement()) {
        result.add(ExpectationParser.parseLine(expectation.file(), expectation.lineNumber(), line));
      }
    }
    return result;
  }

  private static Deviation deviation(String vector, String line) {
    for (Deviation deviation : DEVIATIONS) {
      if (deviation.vector().equals(vector) && deviation.line().equals(line.strip())) {
        return deviation;
      }
    }
    return null;
  }
}
