package io.integrationhub.hl7.validation;

import java.util.Set;

/** A flow name with no schemas: a configuration error, reported at start-up. */
public final class UnknownFlowException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  UnknownFlowException(String flow, Set<String> available, String source) {
    super(
        "No XSD schemas for flow '"
            + flow
            + "' in "
            + source
            + ". Available: "
            + (available.isEmpty() ? "<none>" : String.join(", ", available)));
  }
}
