package io.integrationhub.transform.pims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.vectors.TransformVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared function table {@code pims/function_remove_timezone.tsv} (spec §5.2). */
class RemoveTimezoneTableTest {

  @TestFactory
  Stream<DynamicTest> sharedTable() throws IOException {
    Path table = TransformVectors.sharedDirectory("pims").resolve("function_remove_timezone.tsv");
    List<String> rows =
        Files.readAllLines(table, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    assertThat(rows).isNotEmpty();
    return rows.stream().map(row -> DynamicTest.dynamicTest(row, () -> checkRow(row)));
  }

  private static void checkRow(String row) throws TransformException {
    String[] columns = row.split("\t", -1);
    assertThat(columns.length).as("columns of " + row).isGreaterThanOrEqualTo(2);
    String input = jsonString(columns[0]);
    if ("ERROR".equals(columns[1].strip())) {
      assertThatThrownBy(() -> PimsDateTimes.removeTimezone(input, "TEST.1"))
          .isInstanceOf(TransformException.class)
          .hasMessageStartingWith("Invalid datetime format after timezone removal")
          .hasMessageContaining("TEST.1");
    } else {
      String expected = jsonString(columns[1]);
      assertThat(PimsDateTimes.removeTimezone(input, "TEST.1"))
          .isEqualTo(expected == null ? "" : expected);
    }
  }

  @Test
  void errorNeverQuotesTheValue() {
    assertThatThrownBy(() -> PimsDateTimes.removeTimezone("19991231X+0000", "PID.7.1"))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("PID.7.1")
        .hasMessageNotContaining("19991231X");
  }

  @Test
  void jsonDecoding() {
    assertThat(jsonString("null")).isNull();
    assertThat(jsonString("\"a\\\"b\\\\c\\t\\u0041\"")).isEqualTo("a\"b\\c\tA");
  }

  /** Decodes a JSON string literal ({@code null} → {@code null}). */
  static String jsonString(String literal) {
    return TransformVectors.jsonString(literal);
  }
}
