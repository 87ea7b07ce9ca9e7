package io.integrationhub.transform;

import java.util.ArrayList;
import java.util.List;

/** The fragments a transformation reports for its processed-audit text, per message. */
public final class AuditTrail {

  private final List<String> fragments = new ArrayList<>();

  /** Adds a fragment, e.g. {@code DateTime transformed from X to Y}. */
  public void add(String fragment) {
    fragments.add(fragment);
  }

  /** The fragments in the order they were added. */
  public List<String> fragments() {
    return List.copyOf(fragments);
  }
}
