package io.integrationhub.transform.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Evaluates a vector's expectation lines against a {@link TransformOutcome}, and compares ER7
 * messages semantically.
 */
public final class VectorChecker {

  private VectorChecker() {}

  /**
   * Evaluates every expectation of {@code vector} against {@code outcome}.
   *
   * @return one human-readable mismatch per failed line (with file, line number and line); empty
   *     when the vector passes
   */
  public static List<String> check(TransformVector vector, TransformOutcome outcome) {
    return check(vector.expectations(), outcome);
  }

  /** {@link #check(TransformVector, TransformOutcome)} for a list of expectations. */
  public static List<String> check(List<Expectation> expectations, TransformOutcome outcome) {
    Optional<Er7PathReader> output = outcome.sent().map(Er7PathReader::of);
    List<String> mismatches = new ArrayList<>();
    for (Expectation expectation : expectations) {
      check(expectation, outcome, output)
          .ifPresent(problem -> mismatches.add(expectation.location() + " -> " + problem));
    }
    return List.copyOf(mismatches);
  }

  /** The mismatch of one expectation, empty when it holds. */
  private static Optional<String> check(
      Expectation e, TransformOutcome outcome, Optional<Er7PathReader> output) {
    return switch (e.kind()) {
      case RESULT -> checkResult(e.value(), outcome);
      case SENT -> {
        boolean expectSent = e.value().equals("yes");
        yield outcome.sent().isPresent() == expectSent
            ? Optional.empty()
            : Optional.of(
                expectSent ? "nothing was sent" : "a message was sent: " + show(outcome.sent()));
      }
      case SEGMENTS ->
          withOutput(output, o -> compare(e, String.join(",", o.segmentIds()), "segment ids"));
      case VERSION -> withOutput(output, o -> compare(e, o.read("MSH.12.1"), "MSH.12.1"));
      case AUDIT_RECEIVED -> checkAudit(e, outcome.received(), "MESSAGE_RECEIVED");
      case AUDIT_PROCESSED -> checkAudit(e, outcome.processed(), "MESSAGE_PROCESSED");
      case AUDIT_FAILED_VALIDATION -> checkAudit(e, outcome.failedValidation(), "MESSAGE_FAILED");
      case AUDIT_FAILED_ERROR -> checkAudit(e, outcome.failedError(), "MESSAGE_FAILED error");
      case PATH -> withOutput(output, o -> checkPath(e, o));
      case COUNT -> {
        Er7Path path = e.path().orElseThrow();
        yield withOutput(
            output, o -> compare(e, String.valueOf(o.count(path)), "COUNT(" + path + ")"));
      }
    };
  }

  private static Optional<String> checkResult(String expected, TransformOutcome outcome) {
    boolean expectSuccess = expected.equals("SUCCESS");
    List<String> problems = new ArrayList<>();
    if (outcome.succeeded() != expectSuccess) {
      problems.add("processing " + (outcome.succeeded() ? "succeeded" : "failed"));
    }
    if (expectSuccess && outcome.sent().isEmpty()) {
      problems.add("nothing was sent");
    }
    if (!expectSuccess && outcome.sent().isPresent()) {
      problems.add("a message was sent: " + show(outcome.sent()));
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static Optional<String> checkAudit(Expectation e, Optional<String> actual, String event) {
    if (Expectation.NONE.equals(e.value())) {
      return actual.map(a -> "expected no " + event + " event, but it has text " + quote(a));
    }
    if (actual.isEmpty()) {
      return Optional.of("no " + event + " event was audited");
    }
    return compare(e, actual.get(), event);
  }

  private static Optional<String> checkPath(Expectation e, Er7PathReader output) {
    Er7Path path = e.path().orElseThrow();
    if (Expectation.ABSENT.equals(e.value())) {
      return output.isPresent(path)
          ? Optional.of("segment is present: " + quote(output.read(path)))
          : Optional.empty();
    }
    return compare(e, output.read(path), path.toString());
  }

  /** Applies the expectation's operator to {@code actual}. */
  private static Optional<String> compare(Expectation e, String actual, String what) {
    String expected = e.expectedText();
    boolean ok =
        switch (e.operator()) {
          case EQUALS -> actual.equals(expected);
          case MATCHES -> Pattern.compile(expected).matcher(actual).matches();
          case STARTS_WITH -> actual.startsWith(expected);
        };
    if (ok) {
      return Optional.empty();
    }
    String relation =
        switch (e.operator()) {
          case EQUALS -> "expected " + quote(expected);
          case MATCHES -> "expected a match of /" + expected + "/";
          case STARTS_WITH -> "expected a text starting with " + quote(expected);
        };
    return Optional.of(what + ": " + relation + " but was " + quote(actual));
  }

  private static Optional<String> withOutput(
      Optional<Er7PathReader> output, Function<Er7PathReader, Optional<String>> check) {
    return output.isEmpty() ? Optional.of("nothing was sent") : check.apply(output.get());
  }

  private static String quote(String text) {
    return "<" + text + ">";
  }

  private static String show(Optional<String> sent) {
    return sent.map(s -> quote(s.replace("\r", "\\r"))).orElse("(nothing)");
  }

  /**
   * Compares two ER7 messages semantically: segment by segment, after trimming trailing empty
   * subcomponents, components and fields in every segment (each message with its own delimiters;
   * empty repetitions are significant; segment separators {@code \r}, {@code \n} or {@code \r\n}
   * and a trailing separator do not matter).
   *
   * @return one readable entry per differing segment position (expected vs actual, normalized);
   *     empty when the messages are semantically equal
   */
  public static List<String> semanticallyEqual(String expectedOut, String actualOut) {
    List<String> expected = normalized(expectedOut);
    List<String> actual = normalized(actualOut);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : null;
      String a = i < actual.size() ? actual.get(i) : null;
      if (e == null) {
        differences.add("segment " + (i + 1) + ": unexpected " + quote(a));
      } else if (a == null) {
        differences.add("segment " + (i + 1) + ": missing " + quote(e));
      } else if (!e.equals(a)) {
        differences.add(
            "segment " + (i + 1) + ":\n  expected " + quote(e) + "\n  actual   " + quote(a));
      }
    }
    return List.copyOf(differences);
  }

  private static List<String> normalized(String er7) {
    Er7PathReader reader = Er7PathReader.of(er7);
    return reader.segments().stream().map(reader::normalizeSegment).toList();
  }
}
