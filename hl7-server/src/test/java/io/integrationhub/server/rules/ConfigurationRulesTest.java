package io.integrationhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §4.2: MSH-12 and MSH-3 are compared as whole fields, exactly and case-sensitively. */
class ConfigurationRulesTest {

  private static Er7Message header(String sendingApp, String version) throws Exception {
    return Er7Message.parse(
        "MSH|^~\\&|"
            + sendingApp
            + "|FAC|100|100|20250505232332||ADT^A31^ADT_A05|CTRL1|T|"
            + version
            + "\rEVN||20250502092900");
  }

  private static Optional<String> version(String expected, String msh12) throws Exception {
    return ConfigurationRules.version(expected).check(header("252", msh12));
  }

  private static Optional<String> sendingApp(List<String> allowed, String msh3) throws Exception {
    return ConfigurationRules.sendingApplication(allowed).check(header(msh3, "2.5"));
  }

  @Test
  void theExactVersionPasses() throws Exception {
    assertThat(version("2.5", "2.5")).isEmpty();
    assertThat(version("2.3.1", "2.3.1")).isEmpty();
    assertThat(version("2.5^GBR", "2.5^GBR")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5^GBR", "2.5.1", "2.4", "", "2", "2.50"})
  void anyOtherVersionFails(String msh12) throws Exception {
    assertThat(version("2.5", msh12)).contains("Message has wrong version");
  }

  @Test
  void oneOfTheAllowedSendingApplicationsPasses() throws Exception {
    List<String> allowed = List.of("TestApp", "192", "255");
    assertThat(sendingApp(allowed, "TestApp")).isEmpty();
    assertThat(sendingApp(allowed, "192")).isEmpty();
    assertThat(sendingApp(allowed, "255")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"252^1.2^ISO", "testapp", "TESTAPP", "19", "1925", "", "252&1"})
  void theWholeFieldMustMatchCaseSensitively(String msh3) throws Exception {
    assertThat(sendingApp(List.of("252", "TestApp"), msh3))
        .contains("Message sending application '" + msh3 + "' is not in allowed authority codes.");
  }
}
