package io.integrationhub.server.pipeline;

import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's verdict on one message: accepted (ready to publish) or rejected. A message that
 * failed XSD validation carries the tracking properties of its message-store copy.
 */
public sealed interface Decision {

  /** Ready to publish. */
  record Accept(Accepted accepted) implements Decision {}

  /** Not accepted. */
  record Reject(Rejection rejection, Optional<Map<String, String>> storeCopy) implements Decision {}
}
