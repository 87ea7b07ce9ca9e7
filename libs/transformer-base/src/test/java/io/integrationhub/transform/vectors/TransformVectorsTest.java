package io.integrationhub.transform.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformVectorsTest {

  @Test
  void loadsAllVectorsOfAFlowFolderSortedByName(@TempDir Path dir) throws IOException {
    Path flow = Files.createDirectory(dir.resolve("phw"));
    Files.writeString(flow.resolve("b.in.hl7"), "MSH|^~\\&|B\r");
    Files.writeString(flow.resolve("b.expect.txt"), "@RESULT = FAILED\n@SENT = no\n");
    Files.writeString(flow.resolve("a.in.hl7"), "MSH|^~\\&|A\rPID|1\r");
    Files.writeString(flow.resolve("a.expect.txt"), "# a\n@RESULT = SUCCESS\n");
    Files.writeString(flow.resolve("a.out.hl7"), "MSH|^~\\&|A\rPID|1");
    Files.writeString(flow.resolve("function_x.tsv"), "input\tresult\n");

    List<TransformVector> vectors = TransformVectors.load(flow);

    assertThat(vectors).extracting(TransformVector::name).containsExactly("a", "b");
    TransformVector a = vectors.get(0);
    assertThat(a.flow()).isEqualTo("phw");
    assertThat(a.input()).isEqualTo("MSH|^~\\&|A\rPID|1\r");
    assertThat(a.expectedOutput()).contains("MSH|^~\\&|A\rPID|1");
    assertThat(a.expectations())
        .singleElement()
        .extracting(Expectation::value)
        .isEqualTo("SUCCESS");
    assertThat(a).hasToString("phw/a");
    assertThat(vectors.get(1).expectedOutput()).isEmpty();
    assertThat(vectors.get(1).expectations()).hasSize(2);
  }

  @Test
  void vectorWithoutExpectationFileOrWithABadLineFails(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.in.hl7"), "MSH|^~\\&|A");
    assertThatThrownBy(() -> TransformVectors.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a.expect.txt");
    Files.writeString(dir.resolve("a.expect.txt"), "@RESULT = SUCCESS\nPID.3 ?= X\n");
    assertThatThrownBy(() -> TransformVectors.load(dir))
        .isInstanceOf(ExpectationParseException.class)
        .hasMessageContaining("a.expect.txt:2:");
  }

  @Test
  void sharedDirectoryResolvesTheFlowUnderTheSharedDir() {
    Path phw = TransformVectors.sharedDirectory("phw");
    assertThat(phw).endsWith(Path.of("conformance", "transform", "phw")).isDirectory();
  }

  @Test
  void everySharedVectorWithOutputPassesAgainstItsOwnReferenceOutput() {
    // Sanity check of the runner on real data: the reference output satisfies its own vector.
    for (String flow : List.of("phw", "chemo", "pims")) {
      for (TransformVector vector : TransformVectors.loadShared(flow)) {
        if (vector.expectedOutput().isEmpty()) {
          continue;
        }
        String out = vector.expectedOutput().get();
        List<Expectation> outputLines =
            vector.expectations().stream()
                .filter(
                    e ->
                        e.kind() != Expectation.Kind.RESULT && !e.kind().key().startsWith("@AUDIT"))
                .toList();
        TransformOutcome outcome = TransformOutcome.success(out, null, null);
        assertThat(VectorChecker.check(outputLines, outcome)).as(vector.toString()).isEmpty();
        assertThat(VectorChecker.semanticallyEqual(out, out)).isEmpty();
      }
    }
  }
}
