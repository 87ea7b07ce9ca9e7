package io.integrationhub.hl7.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7EscapingTest {

  private static final Delimiters CUSTOM = Delimiters.of('#', "*~!%");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "a|b;    a\\F\\b",
        "a^b;    a\\S\\b",
        "a~b;    a\\R\\b",
        "a\\b;   a\\E\\b",
        "a&b;    a\\T\\b",
        "plain;  plain",
        "a#b;    a#b"
      })
  void escapesEachStandardDelimiter(String text, String escaped) {
    assertThat(Hl7Escaping.escape(text)).isEqualTo(escaped);
    assertThat(Hl7Escaping.unescape(escaped)).isEqualTo(text);
    assertThat(Hl7Escaping.escapeText(text)).isEqualTo(escaped);
  }

  @Test
  void escapesForCustomDelimiters() {
    String text = "a#b*c~d!e%f|g^h";

    String escaped = Hl7Escaping.escape(text, CUSTOM);

    assertThat(escaped).isEqualTo("a!F!b!S!c!R!d!E!e!T!f|g^h");
    assertThat(Hl7Escaping.unescape(escaped, CUSTOM)).isEqualTo(text);
    assertThat(Hl7Escaping.escapeText(text, CUSTOM)).isEqualTo(escaped);
  }

  @Test
  void escapeKeepsFormattingAndHexSequencesLikeHapi() {
    String value = "line\\.br\\next \\H\\bold\\N\\ \\X0D\\";

    assertThat(Hl7Escaping.escape(value)).isEqualTo(value);
    assertThat(Hl7Escaping.unescape(value)).isEqualTo(value);
  }

  @Test
  void escapeTextTreatsEveryBackslashAsText() {
    assertThat(Hl7Escaping.escapeText("C:\\X|Y\\")).isEqualTo("C:\\E\\X\\F\\Y\\E\\");
  }

  @Test
  void escapeTextWritesControlCharactersAsHex() {
    assertThat(Hl7Escaping.escapeText("a\rb\nc\u000bd\u001ce\tf"))
        .isEqualTo("a\\X0D\\b\\X0A\\c\\X0B\\d\\X1C\\e\tf");
  }

  @Test
  void escapeNeverRewritesTheTruncationCharacter() {
    assertThat(Hl7Escaping.escape("#1 & #2")).isEqualTo("#1 \\T\\ #2");
  }

  @Test
  void appendsEscapedText() {
    StringBuilder out = new StringBuilder("MSA|AE|1|");

    Hl7Escaping.appendEscapedText(out, "x|y", Delimiters.STANDARD);

    assertThat(out).hasToString("MSA|AE|1|x\\F\\y");
  }
}
