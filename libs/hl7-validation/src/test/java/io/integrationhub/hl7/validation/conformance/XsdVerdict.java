package io.integrationhub.hl7.validation.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One row of {@code conformance/xsd-verdicts.tsv}: the verdict expected for a message file. */
record XsdVerdict(String file, boolean valid, String errorStart, String note) {

  String flow() {
    return file.substring(0, file.indexOf('/'));
  }

  @Override
  public String toString() {
    return file;
  }

  static List<XsdVerdict> all() {
    List<XsdVerdict> rows = new ArrayList<>();
    try (InputStream in = XsdVerdict.class.getResourceAsStream("/conformance/xsd-verdicts.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        rows.add(
            new XsdVerdict(
                columns[0],
                "VALID".equals(columns[1]),
                columns.length > 2 ? columns[2] : "",
                columns.length > 3 ? columns[3] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
