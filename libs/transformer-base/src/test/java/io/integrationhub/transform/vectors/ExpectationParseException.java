package io.integrationhub.transform.vectors;

import java.io.Serial;
import java.nio.file.Path;

/** A line of an {@code .expect.txt} file that the runner does not understand. */
public final class ExpectationParseException extends IllegalArgumentException {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the file, the line number and the line. */
  public ExpectationParseException(Path file, int lineNumber, String line, String reason) {
    super(file + ":" + lineNumber + ": " + reason + ": '" + line + "'");
  }
}
