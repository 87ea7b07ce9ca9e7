package io.integrationhub.server.pipeline;

import java.util.Set;

/**
 * The MSH-9 values every server accepts (spec §3), compared exactly (case-sensitive) after trimming
 * the field. Whether a flow can then handle the structure is decided by its validation.
 */
public final class RoutingTable {

  /** The routed MSH-9 values. */
  public static final Set<String> KEYS =
      Set.of(
          "ADT^A31^ADT_A05",
          "ADT^A28^ADT_A05",
          "ADT^A40^ADT_A39",
          "ADT^A31",
          "ADT^A28",
          "ADT^A40",
          "ADT^A04^ADT_A01",
          "ADT^A08^ADT_A01",
          "ADT^A40^ADT_A40");

  private RoutingTable() {}

  /** Whether MSH-9, as received, is routed. */
  public static boolean routes(String msh9) {
    return KEYS.contains(msh9.strip());
  }
}
