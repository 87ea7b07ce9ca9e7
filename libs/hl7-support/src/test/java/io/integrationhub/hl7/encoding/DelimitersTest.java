package io.integrationhub.hl7.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import org.junit.jupiter.api.Test;

class DelimitersTest {

  @Test
  void readsMsh1AndMsh2() {
    Delimiters delimiters = Delimiters.of('#', "*~!%");

    assertThat(delimiters.field()).isEqualTo('#');
    assertThat(delimiters.component()).isEqualTo('*');
    assertThat(delimiters.repetition()).isEqualTo('~');
    assertThat(delimiters.escape()).isEqualTo('!');
    assertThat(delimiters.subcomponent()).isEqualTo('%');
    assertThat(delimiters.encodingCharacters()).isEqualTo("*~!%");
    assertThat(delimiters.isStandard()).isFalse();
  }

  @Test
  void standardIsPipeHatTildeBackslashAmpersand() {
    assertThat(Delimiters.of('|', "^~\\&#")).isEqualTo(Delimiters.STANDARD);
    assertThat(Delimiters.STANDARD.isStandard()).isTrue();
    assertThat(Delimiters.STANDARD.toEncodingCharacters())
        .isEqualTo(new EncodingCharacters('|', "^~\\&"));
  }

  @Test
  void rejectsMissingEncodingCharacters() {
    assertThatThrownBy(() -> Delimiters.of('|', "^~\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid encoding chars: Missing required encoding chars");
    assertThatThrownBy(() -> Delimiters.of('|', null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDuplicates() {
    assertThatThrownBy(() -> Delimiters.of('|', "^~\\^"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid encoding chars: Found duplicate encoding chars");
    assertThatThrownBy(() -> Delimiters.of('^', "^~\\&"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
