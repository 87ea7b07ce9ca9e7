package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7RedactorTest {
  private static final String MSH =
      "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTL1|P|2.5";

  @Nested
  class SpecExamples {
    @Test
    void mshKeepsFields2To7And9To12AndMasks8And13Onwards() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A|B|C|D|E|F|G|H|I|J|K|L|M"))
          .isEqualTo("MSH|^~\\&|A|B|C|D|E|***|G|H|I|J|***|***|***");
    }

    @Test
    void otherSegmentsKeepTheirIdAndMaskEveryNonEmptyField() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A\rPID|1||||SMITH"))
          .isEqualTo("MSH|^~\\&|A\rPID|***||||***");
    }

    @Test
    void plainTextIsMaskedWhole() {
      assertThat(Hl7Redactor.redact("This is plain text")).isEqualTo("***");
    }

    @Test
    void wholeFieldsAreMaskedIncludingComponentsAndRepetitions() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&\rPID|1||123^^^NHS^MR~456^^^PI||SMITH^JOHN"))
          .isEqualTo("MSH|^~\\&\rPID|***||***||***");
    }
  }

  @Nested
  class LeakFix {
    @Test
    void aLineBreakInsideFreeTextDoesNotLeakTheContinuation() {
      assertThat(Hl7Redactor.redact(MSH + "\rNTE|1|note\nMR SMITH LIVES AT 1 HIGH ST"))
          .isEqualTo(Hl7Redactor.redact(MSH) + "\rNTE|***|***\r***");
    }

    @Test
    void theSpecExampleWithoutMshIsMaskedWhole() {
      // The first segment is not MSH, so rule 3 masks everything.
      assertThat(Hl7Redactor.redact("NTE|1|note\nMR SMITH LIVES AT 1 HIGH ST")).isEqualTo("***");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SMITH",
          "SM",
          "X",
          "pid|1|SMITH",
          "PiD|1|SMITH",
          "1PD|1|SMITH",
          "PID SMITH",
          "PIDX|1",
          "PID^1^SMITH",
          "MSHSMITH",
          "MSH SMITH JOHN",
          " PID|1|SMITH",
          "\u000BPID|1"
        })
    void aLineThatIsNotAWellFormedSegmentIsMaskedWhole(String line) {
      assertThat(Hl7Redactor.redact(MSH + "\r" + line + "\rPV1|1|I"))
          .isEqualTo(Hl7Redactor.redact(MSH) + "\r***\rPV1|***|***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PID", "ZU1", "Z01", "A99"})
    void aSegmentIdAloneIsKept(String id) {
      assertThat(Hl7Redactor.redact(MSH + "\r" + id))
          .isEqualTo(Hl7Redactor.redact(MSH) + "\r" + id);
    }

    @Test
    void zSegmentsAndDigitsInIdsAreSegments() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&\rZU1|SECRET|\rPD1|||GP"))
          .isEqualTo("MSH|^~\\&\rZU1|***|\rPD1|||***");
    }
  }

  @Nested
  class MshSegments {
    @Test
    void emptyMaskedMshFieldsStayEmpty() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A|B|C|D|E||G|H|I|J||L"))
          .isEqualTo("MSH|^~\\&|A|B|C|D|E||G|H|I|J||***");
    }

    @Test
    void everyMshSegmentIsTreatedAsMsh() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A|B|C|D|E|F\rMSH|^~\\&|A2|B2|C2|D2|E2|F2|G2"))
          .isEqualTo("MSH|^~\\&|A|B|C|D|E|***\rMSH|^~\\&|A2|B2|C2|D2|E2|***|G2");
    }

    @Test
    void countryLanguageAndProfileAreMasked() {
      String msh17to21 = "MSH|^~\\&|3|4|5|6|7|8|9|10|11|12|13|14|15|16|GBR|18|EN|20|PROFILE";
      assertThat(Hl7Redactor.redact(msh17to21))
          .isEqualTo("MSH|^~\\&|3|4|5|6|7|***|9|10|11|12|***|***|***|***|***|***|***|***|***");
    }

    @Test
    void theFieldSeparatorIsTheFourthCharacterOfTheFirstSegment() {
      assertThat(Hl7Redactor.redact("MSH#^~\\&#A#B#C#D#E#F#G\rPID#1##SMITH|JOHN"))
          .isEqualTo("MSH#^~\\&#A#B#C#D#E#***#G\rPID#***##***");
    }

    @Test
    void aSegmentSeparatedByAnotherCharacterThanTheMessagesIsNotASegment() {
      assertThat(Hl7Redactor.redact("MSH#^~\\&#A\rPID|1|SMITH")).isEqualTo("MSH#^~\\&#A\r***");
    }

    @Test
    void anMshLineWithoutFieldsIsKept() {
      assertThat(Hl7Redactor.redact(MSH + "\rMSH")).endsWith("\rMSH");
    }
  }

  @Nested
  class Segmentation {
    @Test
    void lineFeedsBecomeCarriageReturns() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A\nPID|1")).isEqualTo("MSH|^~\\&|A\rPID|***");
    }

    @Test
    void crLfIsOneSeparatorAndEmptySegmentsAreDropped() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A\r\nPID|1\r\r\rPV1|I\r\n"))
          .isEqualTo("MSH|^~\\&|A\rPID|***\rPV1|***");
    }

    @Test
    void aTrailingSegmentTerminatorDisappears() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&|A\rPID|1\r")).isEqualTo("MSH|^~\\&|A\rPID|***");
    }

    @Test
    void leadingEmptySegmentsAreDroppedBeforeTheMshCheck() {
      assertThat(Hl7Redactor.redact("\r\nMSH|^~\\&|A")).isEqualTo("MSH|^~\\&|A");
    }

    @Test
    void fieldsWithOnlySpacesAreNotEmpty() {
      assertThat(Hl7Redactor.redact("MSH|^~\\&\rPID| |  ")).isEqualTo("MSH|^~\\&\rPID|***|***");
    }
  }

  @Nested
  class WholeContentMasked {
    @ParameterizedTest
    @ValueSource(strings = {"MSH", "MS", "PID|1|SMITH", " MSH|^~\\&|A", "msh|^~\\&|A", "EVN|A31"})
    void whenTheFirstSegmentIsNotAnMshOfAtLeastFourCharacters(String content) {
      assertThat(Hl7Redactor.redact(content + "\rPID|1|SMITH")).isEqualTo("***");
    }

    @Test
    void whenContentStartsWithTheMllpStartByte() {
      assertThat(Hl7Redactor.redact("\u000BMSH|^~\\&|A|B\rPID|1|SMITH\u001C\r")).isEqualTo("***");
    }
  }

  @Nested
  class EmptyInput {
    @Test
    void nullBecomesEmpty() {
      assertThat(Hl7Redactor.redact(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r", "\r\n", "\t \n"})
    void emptyOrWhitespaceOnlyIsReturnedUnchanged(String content) {
      assertThat(Hl7Redactor.redact(content)).isEqualTo(content);
    }
  }

  @Test
  void aRealisticMessageKeepsRoutingAndMasksThePatient() {
    String message =
        MSH
            + "|||||GBR||EN\rEVN|A31|20250502092900\r"
            + "PID|||8888888^^^252^PI~4444444444^^^NHS^NH||MYSURNAME^MYFNAME^^^MR||19990101|M\r"
            + "PV1||U";
    assertThat(Hl7Redactor.redact(message))
        .isEqualTo(
            "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTL1|P|2.5|||||***||***\r"
                + "EVN|***|***\r"
                + "PID|||***||***||***|***\r"
                + "PV1||***")
        .doesNotContain("MYSURNAME", "4444444444", "19990101");
  }
}
