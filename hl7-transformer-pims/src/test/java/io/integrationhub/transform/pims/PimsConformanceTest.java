package io.integrationhub.transform.pims;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.vectors.Expectation;
import io.integrationhub.transform.vectors.TransformOutcome;
import io.integrationhub.transform.vectors.TransformVector;
import io.integrationhub.transform.vectors.TransformVectors;
import io.integrationhub.transform.vectors.VectorChecker;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every shared PIMS conformance vector ({@code conformance/transform/pims}) through {@link
 * PimsTransformer}; skipped when the shared data is absent.
 */
class PimsConformanceTest {

  /**
   * Deliberate deviations from the reference, per vector: expectation line text → reason. Those
   * lines are not evaluated. Currently none: every deviation of this transformer (README) concerns
   * inputs no shared vector contains.
   */
  static final Map<String, Map<String, String>> LINE_DEVIATIONS = Map.of();

  /** Vectors whose {@code .out.hl7} is deliberately not reproduced → reason. Currently none. */
  static final Map<String, String> OUTPUT_DEVIATIONS = Map.of();

  private final PimsTransformer transformer = new PimsTransformer();

  @TestFactory
  Stream<DynamicTest> vectors() {
    List<TransformVector> vectors = TransformVectors.loadShared("pims");
    assertThat(vectors).isNotEmpty();
    return vectors.stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> check(v)));
  }

  private void check(TransformVector vector) {
    TransformOutcome outcome = run(vector.input());
    Map<String, String> skipped = LINE_DEVIATIONS.getOrDefault(vector.name(), Map.of());
    List<Expectation> binding =
        vector.expectations().stream().filter(e -> !skipped.containsKey(e.line())).toList();
    assertThat(VectorChecker.check(binding, outcome)).as(vector.toString()).isEmpty();
    if (vector.expectedOutput().isPresent() && !OUTPUT_DEVIATIONS.containsKey(vector.name())) {
      assertThat(outcome.sent()).as(vector + " sent").isPresent();
      assertThat(
              VectorChecker.semanticallyEqual(
                  vector.expectedOutput().get(), outcome.sent().orElseThrow()))
          .as(vector + " output")
          .isEmpty();
    }
  }

  /** The pipeline of spec §2.4 as the runner sees it (parse → transform → send → audit). */
  TransformOutcome run(String body) {
    return TransformOutcome.of(transformer, body);
  }
}
