package io.integrationhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §4.3 P1–P5: PID-7 must be eight digits forming a real date, year 1800 or later. */
class PhwDateOfBirthRuleTest {

  private static final String MSH =
      "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTRL1|T|2.5\rEVN||20250502092900";

  private final PhwDateOfBirthRule rule = new PhwDateOfBirthRule();

  private Optional<String> check(String text) throws Exception {
    return rule.check(Er7Message.parse(text));
  }

  private Optional<String> checkDateOfBirth(String pid7) throws Exception {
    return check(MSH + "\rPID|1||8888888^^^252^PI||TESTER^TEST||" + pid7 + "|F\rPV1||U");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "18000101",
        "19000202",
        "20000303",
        "20240404",
        "20010228",
        "20240229",
        "20991231",
        " 19900101 ",
        "19900101~20000101"
      })
  void validDatesPass(String dateOfBirth) throws Exception {
    assertThat(checkDateOfBirth(dateOfBirth)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1987-01-01",
        "19870A01",
        "1987/01/01",
        "19870101.",
        "00000000",
        "199701",
        "199701011",
        "19970101123456",
        "1997",
        "\"\"",
        "19990101^Y",
        "19990101+0000",
        "1999010112",
        "20230229",
        "19991301",
        "19990132",
        "１９９９０１０１"
      })
  void malformedOrImpossibleDatesFailTheFormatRule(String dateOfBirth) throws Exception {
    assertThat(checkDateOfBirth(dateOfBirth))
        .contains("PID.7 (Date of birth) must be a valid date in YYYYMMDD format for PHW.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"17990101", "14530123", "00010101"})
  void yearsBefore1800FailTheYearRule(String dateOfBirth) throws Exception {
    assertThat(checkDateOfBirth(dateOfBirth))
        .contains("PID.7 (Date of birth) - year of birth must be 1800 or later for PHW.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "~19900101"})
  void anEmptyDateOfBirthIsMissing(String dateOfBirth) throws Exception {
    assertThat(checkDateOfBirth(dateOfBirth))
        .contains("PID.7 (Date of birth) is required for PHW.");
  }

  @Test
  void aMessageWithoutPidIsMissingTheDateOfBirth() throws Exception {
    assertThat(check(MSH + "\rPV1||U")).contains(PhwDateOfBirthRule.REQUIRED);
  }

  @Test
  void aPidWithoutFieldSevenIsMissingTheDateOfBirth() throws Exception {
    assertThat(check(MSH + "\rPID|1||8888888^^^252^PI||TESTER^TEST\rPV1||U"))
        .contains(PhwDateOfBirthRule.REQUIRED);
    assertThat(check(MSH + "\rPID\rPV1||U")).contains(PhwDateOfBirthRule.REQUIRED);
  }

  @Test
  void onlyTheFirstPidCounts() throws Exception {
    assertThat(
            check(
                MSH
                    + "\rPID|1||1^^^252^PI||A^B||19900101|F"
                    + "\rPID|2||2^^^252^PI||C^D||1990-01-01|F"))
        .isEmpty();
  }

  @Test
  void theRuleTextsNameTheRuleAndNeverTheValue() throws Exception {
    assertThat(checkDateOfBirth("19870A01"))
        .hasValueSatisfying(t -> assertThat(t).doesNotContain("19870A01"));
    assertThat(checkDateOfBirth("17990101"))
        .hasValueSatisfying(t -> assertThat(t).doesNotContain("1799"));
  }
}
