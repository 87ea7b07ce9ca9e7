package io.integrationhub.transform.vectors;

import io.integrationhub.transform.vectors.Expectation.Kind;
import io.integrationhub.transform.vectors.Expectation.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the lines of a conformance vector's {@code .expect.txt} (syntax in {@code
 * shared/conformance/transform/README.md}). Every line is {@code LHS OP VALUE} with single spaces
 * around the operator; the value is taken verbatim up to the end of the line (a trailing space of a
 * {@code ^=} prefix is significant). Comment ({@code #}) and blank lines are skipped. Anything else
 * is an {@link ExpectationParseException} naming the file and line.
 */
public final class ExpectationParser {

  private static final Pattern LINE = Pattern.compile("(\\S+) (=|=~|\\^=) (.*)");
  private static final Pattern COUNT = Pattern.compile("COUNT\\((.+)\\)");
  private static final Pattern SEGMENT_LIST =
      Pattern.compile("[A-Z][A-Z0-9]{2}(,[A-Z][A-Z0-9]{2})*");

  private ExpectationParser() {}

  /** Reads and parses an {@code .expect.txt} file (UTF-8). */
  public static List<Expectation> parse(Path file) {
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Parses the text of an {@code .expect.txt} file; {@code file} is only used in messages. */
  public static List<Expectation> parse(Path file, String text) {
    List<Expectation> expectations = new ArrayList<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      expectations.add(parseLine(file, i + 1, line));
    }
    return List.copyOf(expectations);
  }

  /** Parses one non-comment line. */
  public static Expectation parseLine(Path file, int lineNumber, String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw new ExpectationParseException(
          file, lineNumber, line, "expected 'LHS = VALUE', 'LHS =~ REGEX' or 'LHS ^= PREFIX'");
    }
    String lhs = m.group(1);
    Operator operator = Operator.ofSymbol(m.group(2)).orElseThrow();
    String value = m.group(3);
    Problem problem = new Problem(file, lineNumber, line);
    if (value.isEmpty()) {
      throw problem.error("missing value (write (empty) for an empty value)");
    }
    if (lhs.startsWith("@")) {
      Kind kind = Kind.ofMetaKey(lhs).orElseThrow(() -> problem.error("unknown meta key " + lhs));
      checkMeta(kind, operator, value, problem);
      return new Expectation(file, lineNumber, line, kind, operator, Optional.empty(), value);
    }
    Matcher count = COUNT.matcher(lhs);
    if (count.matches()) {
      Er7Path path = path(count.group(1), problem);
      if (!path.isSegment() && !path.isField()) {
        throw problem.error("COUNT takes a segment id or a field without repetition/component");
      }
      if (path.isSegment() && path.segmentRepetition() != 1) {
        throw problem.error("COUNT of a segment takes no [segrep]");
      }
      requireOperator(operator, Operator.EQUALS, problem);
      if (!value.matches("\\d+")) {
        throw problem.error("COUNT value must be a non-negative integer");
      }
      return new Expectation(
          file, lineNumber, line, Kind.COUNT, operator, Optional.of(path), value);
    }
    Er7Path path = path(lhs, problem);
    switch (operator) {
      case EQUALS -> {
        if (Expectation.ABSENT.equals(value) && !path.isSegment()) {
          throw problem.error("(absent) is only allowed with a bare segment id");
        }
        if (Expectation.NONE.equals(value)) {
          throw problem.error("(none) is only allowed with audit keys");
        }
      }
      case MATCHES -> {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw problem.error("invalid regular expression (" + e.getDescription() + ")");
        }
      }
      case STARTS_WITH -> throw problem.error("'^=' is only allowed with @AUDIT.failed.error");
    }
    return new Expectation(file, lineNumber, line, Kind.PATH, operator, Optional.of(path), value);
  }

  private static void checkMeta(Kind kind, Operator operator, String value, Problem problem) {
    switch (kind) {
      case RESULT -> {
        requireOperator(operator, Operator.EQUALS, problem);
        if (!value.equals("SUCCESS") && !value.equals("FAILED")) {
          throw problem.error("@RESULT must be SUCCESS or FAILED");
        }
      }
      case SENT -> {
        requireOperator(operator, Operator.EQUALS, problem);
        if (!value.equals("no") && !value.equals("yes")) {
          throw problem.error("@SENT must be no or yes");
        }
      }
      case SEGMENTS -> {
        requireOperator(operator, Operator.EQUALS, problem);
        if (!SEGMENT_LIST.matcher(value).matches()) {
          throw problem.error("@SEGMENTS must be a comma-separated list of segment ids");
        }
      }
      case AUDIT_FAILED_ERROR -> requireOperator(operator, Operator.STARTS_WITH, problem);
      case VERSION, AUDIT_RECEIVED, AUDIT_PROCESSED, AUDIT_FAILED_VALIDATION ->
          requireOperator(operator, Operator.EQUALS, problem);
      case PATH, COUNT -> throw new IllegalStateException("not a meta kind: " + kind);
    }
  }

  private static void requireOperator(Operator actual, Operator expected, Problem problem) {
    if (actual != expected) {
      throw problem.error(
          "operator '"
              + actual.symbol()
              + "' not allowed here, expected '"
              + expected.symbol()
              + "'");
    }
  }

  private static Er7Path path(String text, Problem problem) {
    return Er7Path.parse(text)
        .orElseThrow(
            () -> problem.error("invalid path '" + text + "' (SEG[segrep].field[rep].comp.sub)"));
  }

  private record Problem(Path file, int lineNumber, String line) {
    ExpectationParseException error(String reason) {
      return new ExpectationParseException(file, lineNumber, line, reason);
    }
  }
}
