package io.integrationhub.server.rules;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.Optional;

/** One acceptance rule of a flow. The text it returns names the rule, never patient data. */
public interface MessageRule {

  /** Why the message breaks the rule, or empty when it passes. */
  Optional<String> check(Er7Message message);
}
