package io.integrationhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §4.3 M1–M3: a trigger, one of A28/A31/A40, and an update source in PID-2. */
class MpiOutboundRulesTest {

  private static final String M1 = "MSH.9.2 MessageType is missing from the MPI outbound message";
  private static final String M3 =
      "PID.2.4.1 UpdateSources is missing from the MPI outbound message";

  private final MpiOutboundRules rules = new MpiOutboundRules();

  private Optional<String> check(String msh9, String pid2) throws Exception {
    String text =
        "MSH|^~\\&|100|100|200|200|20250505232332||"
            + msh9
            + "|CTRL1|T|2.5\rEVN||20250502092900\rPID|1|"
            + pid2
            + "|8888888^^^252^PI||TESTER^TEST||19900101|F";
    return rules.check(Er7Message.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ADT^A28^ADT_A05",
        "ADT^A31^ADT_A05",
        "ADT^A40^ADT_A39",
        "ADT^A28",
        "ADT^A31",
        "ADT^A40",
        "ADT^A40^ADT_A40",
        "XYZ^A28"
      })
  void theThreeTriggersWithAnUpdateSourcePass(String msh9) throws Exception {
    assertThat(check(msh9, "7000001^^^108^PI")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADT", "ADT^^ADT_A05", "ADT^ ^ADT_A05", ""})
  void aMissingTriggerFailsM1(String msh9) throws Exception {
    assertThat(check(msh9, "7000001^^^108^PI")).contains(M1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A04", "A08", "A01", "a28", "A280"})
  void anyOtherTriggerFailsM2NamingIt(String trigger) throws Exception {
    assertThat(check("ADT^" + trigger + "^ADT_A01", "7000001^^^108^PI"))
        .contains("Unsupported message type '" + trigger + "' for MPI outbound flow");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "7000001", "7000001^^^^PI", "7000001^^^   ^PI", "7000001^^^&1.1&ISO^PI", "~"})
  void noAssigningAuthorityInPid2FailsM3(String pid2) throws Exception {
    assertThat(check("ADT^A31^ADT_A05", pid2)).contains(M3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"7000001^^^108&1.1&ISO^PI", "7000001^^^^PI~7000002^^^252^PI", " ^^^ 108 "})
  void oneAssigningAuthorityInAnyRepetitionPasses(String pid2) throws Exception {
    assertThat(check("ADT^A28^ADT_A05", pid2)).isEmpty();
  }

  @Test
  void aMessageWithoutPidFailsM3() throws Exception {
    Er7Message message =
        Er7Message.parse(
            "MSH|^~\\&|100|100|200|200|20250505232332||ADT^A28^ADT_A05|CTRL1|T|2.5\rEVN||1");
    assertThat(rules.check(message)).contains(M3);
  }

  @Test
  void theTriggerIsCheckedBeforeTheUpdateSource() throws Exception {
    assertThat(check("ADT", "")).contains(M1);
    assertThat(check("ADT^A04^ADT_A01", "")).hasValueSatisfying(t -> assertThat(t).contains("A04"));
  }
}
