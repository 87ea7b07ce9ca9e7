package io.integrationhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §6.2: the MPI flow's five routing properties, as in the reference's tests (§9). */
class MpiRoutingPropertiesTest {

  private static Map<String, String> properties(String msh9, String pid) throws Exception {
    return MpiRoutingProperties.of(
        Er7Message.parse(
            "MSH|^~\\&|100|100|200|200|20250505232332||"
                + msh9
                + "|CTRL1|T|2.5\rEVN||20250502092900"
                + (pid == null ? "" : "\r" + pid)
                + "\rPV1||U"));
  }

  /** PID with fields 2, 3, 29 and 30 set. */
  private static String pid(String pid2, String pid3, String pid29, String pid30) {
    return "PID|1|"
        + pid2
        + "|"
        + pid3
        + "||TESTER^TEST||19900101|F"
        + "|".repeat(21)
        + pid29
        + "|"
        + pid30;
  }

  @Test
  void theReferenceExample() throws Exception {
    Map<String, String> properties =
        properties(
            "ADT^A28^ADT_A05",
            pid("7000001^^^108^PI", "123^^^NHS^NH~456^^^212^PI", "2023-01-15", ""));

    assertThat(properties)
        .containsExactly(
            Map.entry("MessageType", "A28"),
            Map.entry("UpdateSources", "|108|"),
            Map.entry("AssigningAuthorities", "|NHS|212|"),
            Map.entry("DateDeath", "2023-01-15"),
            Map.entry("ReasonDeath", ""));
  }

  @Test
  void updateSourcesAreDistinctInFirstSeenOrder() throws Exception {
    assertThat(
            properties(
                "ADT^A31^ADT_A05",
                pid("1^^^108^PI~2^^^252^PI~3^^^108^PI~4^^^^PI~5^^^ 252 ^PI", "", "", "")))
        .containsEntry("UpdateSources", "|108|252|");
  }

  @Test
  void subComponentsAreParsedToHd1() throws Exception {
    assertThat(
            properties("ADT^A31^ADT_A05", pid("1^^^108&1.1&ISO^PI", "9^^^NHS&2.2&ISO^NH", "", "")))
        .containsEntry("UpdateSources", "|108|")
        .containsEntry("AssigningAuthorities", "|NHS|");
  }

  @Test
  void assigningAuthoritiesAreDistinctToo() throws Exception {
    assertThat(
            properties(
                "ADT^A31^ADT_A05", pid("1^^^108^PI", "1^^^NHS^NH~2^^^212^PI~3^^^NHS^NH", "", "")))
        .containsEntry("AssigningAuthorities", "|NHS|212|");
  }

  @Test
  void dateDeathIsTs1AndReasonDeathTheWholeIndicator() throws Exception {
    assertThat(properties("ADT^A40^ADT_A39", pid("1^^^108^PI", "", "20230115103000^Y", "Y")))
        .containsEntry("MessageType", "A40")
        .containsEntry("DateDeath", "20230115103000")
        .containsEntry("ReasonDeath", "Y");
  }

  @Test
  void emptyValuesAreEmptyStringsNotPipes() throws Exception {
    assertThat(properties("ADT^A31", pid("", "", "", "")))
        .containsEntry("MessageType", "A31")
        .containsEntry("UpdateSources", "")
        .containsEntry("AssigningAuthorities", "")
        .containsEntry("DateDeath", "")
        .containsEntry("ReasonDeath", "");
  }

  @Test
  void withoutPidEverythingButTheTypeIsEmpty() throws Exception {
    assertThat(properties("ADT^A28^ADT_A05", null))
        .containsExactly(
            Map.entry("MessageType", "A28"),
            Map.entry("UpdateSources", ""),
            Map.entry("AssigningAuthorities", ""),
            Map.entry("DateDeath", ""),
            Map.entry("ReasonDeath", ""));
  }

  @Test
  void aShortPidHasNoDeathFields() throws Exception {
    assertThat(properties("ADT^A28^ADT_A05", "PID|1|1^^^108^PI|2^^^NHS^NH"))
        .containsEntry("UpdateSources", "|108|")
        .containsEntry("AssigningAuthorities", "|NHS|")
        .containsEntry("DateDeath", "")
        .containsEntry("ReasonDeath", "");
  }
}
