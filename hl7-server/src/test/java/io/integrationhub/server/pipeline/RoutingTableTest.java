package io.integrationhub.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §3: MSH-9 is routed by exact, case-sensitive comparison after trimming. */
class RoutingTableTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ADT^A31^ADT_A05",
        "ADT^A28^ADT_A05",
        "ADT^A40^ADT_A39",
        "ADT^A31",
        "ADT^A28",
        "ADT^A40",
        "ADT^A04^ADT_A01",
        "ADT^A08^ADT_A01",
        "ADT^A40^ADT_A40"
      })
  void theNineKeysAreRouted(String msh9) {
    assertThat(RoutingTable.routes(msh9)).isTrue();
  }

  @Test
  void theTableHasExactlyTheNineKeys() {
    assertThat(RoutingTable.KEYS).hasSize(9);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ADT^A31^ADT_A05", "ADT^A31^ADT_A05  ", "\tADT^A40 "})
  void surroundingWhitespaceIsTrimmed(String msh9) {
    assertThat(RoutingTable.routes(msh9)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "adt^a31^adt_a05",
        "ADT^a31^ADT_A05",
        "Adt^A28",
        "ADT^A01^ADT_A01",
        "ADT^A28^ADT_A39",
        "ADT^A05^ADT_A05",
        "ADT^A04",
        "ADT^A08",
        "ACK^A28^ACK",
        "ADT&A31&ADT_A05",
        "ADT$A31$ADT_A05",
        "ADT^A31^ADT_A05^X",
        "ADT^A31^",
        "ADT^ A31",
        "ADT",
        ""
      })
  void anythingElseIsNotRouted(String msh9) {
    assertThat(RoutingTable.routes(msh9)).isFalse();
  }
}
