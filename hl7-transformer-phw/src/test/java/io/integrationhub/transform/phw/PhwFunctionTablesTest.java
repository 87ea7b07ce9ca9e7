package io.integrationhub.transform.phw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.vectors.TransformVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared function-level tables of the PHW flow ({@code function_msh7_datetime.tsv}, {@code
 * function_date_of_death.tsv}); skipped when the shared data is absent.
 */
class PhwFunctionTablesTest {

  private static final String ERROR = "ERROR";

  /**
   * MSH.7 rows where the strict Java rule (spec §3.3 "Recommended Java rule") deliberately differs
   * from the reference's lenient parsing: input → the Java result, with the reason.
   */
  private static final Map<String, String> MSH7_DEVIATIONS =
      Map.of(
          "2025-5-5 3:3:8", ERROR, // §3.3 [quirk] non-zero-padded parts are rejected
          "202505052323", ERROR, // §3.3 [quirk] only exactly 14 digits pass unchanged
          "2025050523232", ERROR); // §3.3 [quirk] only exactly 14 digits pass unchanged

  /** One table row; {@code input} is null for a JSON {@code null}. */
  record Row(String input, String result, String origin) {
    @Override
    public String toString() {
      return (input == null
              ? "null"
              : "\"" + input.replace("\t", "\\t").replace("\n", "\\n") + "\"")
          + " -> "
          + result
          + " ("
          + origin
          + ")";
    }
  }

  static List<Row> msh7Rows() throws IOException {
    return rows("function_msh7_datetime.tsv");
  }

  static List<Row> dateOfDeathRows() throws IOException {
    return rows("function_date_of_death.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("msh7Rows")
  void messageDateTime(Row row) throws TransformException {
    String expected = MSH7_DEVIATIONS.getOrDefault(row.input(), row.result());
    if (ERROR.equals(expected)) {
      assertThatThrownBy(() -> PhwDateTimes.messageDateTime(row.input()))
          .isInstanceOf(TransformException.class)
          .hasMessageContaining("MSH.7");
    } else {
      assertThat(PhwDateTimes.messageDateTime(row.input())).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dateOfDeathRows")
  void dateOfDeath(Row row) {
    assertThat(PhwDateTimes.dateOfDeath(row.input())).isEqualTo(row.result());
  }

  private static List<Row> rows(String file) throws IOException {
    Path table = TransformVectors.sharedDirectory("phw").resolve(file);
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      String result = ERROR.equals(columns[1]) ? ERROR : json(columns[1]);
      rows.add(new Row(json(columns[0]), result, columns.length > 2 ? columns[2] : ""));
    }
    assertThat(rows).as("rows of %s", file).isNotEmpty();
    return rows;
  }

  /** Decodes a JSON string literal, or {@code null}. */
  static String json(String literal) {
    return TransformVectors.jsonString(literal);
  }
}
