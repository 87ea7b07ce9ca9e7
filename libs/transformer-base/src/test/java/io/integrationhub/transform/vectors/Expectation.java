package io.integrationhub.transform.vectors;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed, non-comment line of a conformance vector's {@code .expect.txt} file.
 *
 * @param file the file the line comes from (for messages)
 * @param lineNumber 1-based line number in {@code file}
 * @param line the original line text
 * @param kind what the line asserts
 * @param operator the comparison operator
 * @param path for {@link Kind#PATH} and {@link Kind#COUNT}: the ER7 path; empty otherwise
 * @param value the right-hand side, verbatim (special tokens such as {@code (empty)} are kept)
 */
public record Expectation(
    Path file,
    int lineNumber,
    String line,
    Kind kind,
    Operator operator,
    Optional<Er7Path> path,
    String value) {

  /** {@code (empty)}: no value. */
  public static final String EMPTY = "(empty)";

  /** {@code (absent)}: the segment must not be present. */
  public static final String ABSENT = "(absent)";

  /** {@code (none)}: no such audit event. */
  public static final String NONE = "(none)";

  /** What an expectation line asserts. */
  public enum Kind {
    /** {@code @RESULT = SUCCESS|FAILED}. */
    RESULT("@RESULT"),
    /** {@code @SENT = no|yes}. */
    SENT("@SENT"),
    /** {@code @SEGMENTS = MSH,EVN,...}. */
    SEGMENTS("@SEGMENTS"),
    /** {@code @VERSION = 2.5} (output MSH.12.1). */
    VERSION("@VERSION"),
    /** {@code @AUDIT.received = TEXT}. */
    AUDIT_RECEIVED("@AUDIT.received"),
    /** {@code @AUDIT.processed = TEXT|(none)}. */
    AUDIT_PROCESSED("@AUDIT.processed"),
    /** {@code @AUDIT.failed.validation = TEXT}. */
    AUDIT_FAILED_VALIDATION("@AUDIT.failed.validation"),
    /** {@code @AUDIT.failed.error ^= PREFIX}. */
    AUDIT_FAILED_ERROR("@AUDIT.failed.error"),
    /** {@code PATH = VALUE} or {@code PATH =~ REGEX}. */
    PATH(""),
    /** {@code COUNT(PATH) = N}. */
    COUNT("COUNT");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The left-hand-side key of a meta line ({@code @RESULT} ...), empty for paths. */
    public String key() {
      return key;
    }

    /** The meta kind for a left-hand side such as {@code @VERSION}, if it is one. */
    public static Optional<Kind> ofMetaKey(String key) {
      for (Kind kind : values()) {
        if (kind.key.startsWith("@") && kind.key.equals(key)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** Comparison operators of the {@code .expect.txt} syntax. */
  public enum Operator {
    /** {@code =}: equals. */
    EQUALS("="),
    /** {@code =~}: whole value matches a regular expression. */
    MATCHES("=~"),
    /** {@code ^=}: starts with. */
    STARTS_WITH("^=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in the file. */
    public String symbol() {
      return symbol;
    }

    /** The operator written as {@code symbol}, if any. */
    public static Optional<Operator> ofSymbol(String symbol) {
      for (Operator operator : values()) {
        if (operator.symbol.equals(symbol)) {
          return Optional.of(operator);
        }
      }
      return Optional.empty();
    }
  }

  /** Checks the components are not null. */
  public Expectation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
  }

  /** {@code file:line: text}, for mismatch and error messages. */
  public String location() {
    return file + ":" + lineNumber + ": " + line;
  }

  /** The value as an ER7 string: {@code (empty)} becomes {@code ""}, anything else verbatim. */
  public String expectedText() {
    return EMPTY.equals(value) ? "" : value;
  }

  @Override
  public String toString() {
    return location();
  }
}
