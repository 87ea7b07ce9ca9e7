package io.integrationhub.transform.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.vectors.Expectation;
import io.integrationhub.transform.vectors.TransformOutcome;
import io.integrationhub.transform.vectors.TransformVector;
import io.integrationhub.transform.vectors.TransformVectors;
import io.integrationhub.transform.vectors.VectorChecker;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every Chemocare conformance vector ({@code shared/conformance/transform/chemo}) through the
 * full pipeline view (received audit, transform, send, processed/failed audit). Skipped when the
 * shared data is absent.
 */
class ChemocareConformanceTest {

  /**
   * Deliberate deviations from the reference, by vector: expectation lines (exact text) that are
   * not checked, and whether the {@code .out.hl7} comparison is skipped. Each has its reason and
   * spec section. Currently empty: every vector passes as the reference wrote it.
   */
  private static final Map<String, Deviation> DEVIATIONS = Map.of();

  private record Deviation(List<String> ignoredLines, boolean skipOutput, String reason) {}

  private static final ChemocareTransformer TRANSFORMER = new ChemocareTransformer();

  static Stream<TransformVector> vectors() {
    return TransformVectors.loadShared("chemo").stream();
  }

  /** Runs one inbound body as the pipeline of spec §2.4 would, recording what it did. */
  static TransformOutcome run(String body) {
    return TransformOutcome.of(TRANSFORMER, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vectorHolds(TransformVector vector) {
    Deviation deviation = DEVIATIONS.get(vector.name());
    List<Expectation> expectations =
        deviation == null
            ? vector.expectations()
            : vector.expectations().stream()
                .filter(e -> !deviation.ignoredLines().contains(e.line()))
                .toList();
    TransformOutcome outcome = run(vector.input());

    assertThat(VectorChecker.check(expectations, outcome)).as(vector.toString()).isEmpty();
    if (vector.expectedOutput().isPresent() && (deviation == null || !deviation.skipOutput())) {
      assertThat(outcome.sent()).as(vector + " sent").isPresent();
      assertThat(
              VectorChecker.semanticallyEqual(
                  vector.expectedOutput().get(), outcome.sent().orElseThrow()))
          .as(vector + " output")
          .isEmpty();
    }
  }

  @Test
  void everyChemoVectorIsLoaded() {
    assertThat(vectors()).hasSizeGreaterThanOrEqualTo(18);
  }

  @Test
  void deviationsNameExistingVectors() {
    List<String> names = vectors().map(TransformVector::name).toList();
    assertThat(names).containsAll(DEVIATIONS.keySet());
  }

  @Test
  void nonHl7InputIsAnUnexpectedError() {
    TransformOutcome outcome = run("this is not HL7");

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.sent()).isEmpty();
    assertThat(outcome.failedValidation()).contains("Unexpected processing error");
    assertThat(outcome.failedError().orElseThrow())
        .startsWith("Unexpected error during message processing: ");
  }
}
