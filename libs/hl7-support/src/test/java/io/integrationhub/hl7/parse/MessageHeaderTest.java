package io.integrationhub.hl7.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.encoding.Delimiters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageHeaderTest {

  @Test
  void readsEveryFieldOfAStandardHeader() throws Exception {
    MessageHeader header = MessageHeader.parse(TestMessages.V25_A31);

    assertThat(header.fieldSeparator()).isEqualTo("|");
    assertThat(header.encodingCharacters()).isEqualTo("^~\\&");
    assertThat(header.sendingApplication()).isEqualTo("TESTAPP^1.2.3^ISO");
    assertThat(header.sendingFacility()).isEqualTo("TESTFAC");
    assertThat(header.receivingApplication()).isEqualTo("HUB");
    assertThat(header.receivingFacility()).isEqualTo("HUBFAC");
    assertThat(header.dateTime()).isEqualTo("20240102030405");
    assertThat(header.messageType()).isEqualTo("ADT^A31^ADT_A05");
    assertThat(header.messageCode()).isEqualTo("ADT");
    assertThat(header.triggerEvent()).isEqualTo("A31");
    assertThat(header.messageStructure()).isEqualTo("ADT_A05");
    assertThat(header.controlId()).isEqualTo("V25-1");
    assertThat(header.processingId()).isEqualTo("P");
    assertThat(header.versionId()).isEqualTo("2.5^GBR");
    assertThat(header.characterSet()).isEqualTo("");
    assertThat(header.delimiters()).isEqualTo(Delimiters.STANDARD);
  }

  @Test
  void reEncodesCustomFieldSeparatorWithPipe() throws Exception {
    MessageHeader header =
        MessageHeader.parse(
            "MSH#^~\\&#SEND^ER#FAC|1#RECV#RFAC#20240102##ADT^A31^ADT_A05#C\\F\\1#T#2.5##\rPID#1");

    assertThat(header.fieldSeparator()).isEqualTo("#");
    assertThat(header.sendingApplication()).isEqualTo("SEND^ER");
    assertThat(header.sendingFacility()).isEqualTo("FAC\\F\\1");
    assertThat(header.receivingApplication()).isEqualTo("RECV");
    assertThat(header.messageType()).isEqualTo("ADT^A31^ADT_A05");
    assertThat(header.controlId()).isEqualTo("C#1");
    assertThat(header.processingId()).isEqualTo("T");
    assertThat(header.delimiters().field()).isEqualTo('#');
  }

  @Test
  void reEncodesCustomEncodingCharactersWithStandardOnes() throws Exception {
    MessageHeader header =
        MessageHeader.parse(
            "MSH|*!$%|APP*X%Y|FAC|||||ADT*A28*ADT_A05|C^1|P|2.5||||||UNICODE UTF-8!8859/1");

    assertThat(header.encodingCharacters()).isEqualTo("*!$%");
    assertThat(header.sendingApplication()).isEqualTo("APP^X&Y");
    assertThat(header.messageCode()).isEqualTo("ADT");
    assertThat(header.triggerEvent()).isEqualTo("A28");
    assertThat(header.messageStructure()).isEqualTo("ADT_A05");
    assertThat(header.controlId()).isEqualTo("C\\S\\1");
    assertThat(header.characterSet()).isEqualTo("UNICODE UTF-8");
  }

  @Test
  void keepsEscapedDelimitersEscaped() throws Exception {
    MessageHeader header = MessageHeader.parse("MSH|^~\\&|A\\S\\B|F\\T\\G||||||ADT^A31|C|P|2.5");

    assertThat(header.sendingApplication()).isEqualTo("A\\S\\B");
    assertThat(header.sendingFacility()).isEqualTo("F\\T\\G");
  }

  @Test
  void absentFieldsAreEmpty() throws Exception {
    MessageHeader header = MessageHeader.parse("MSH|^~\\&|APP");

    assertThat(header.sendingApplication()).isEqualTo("APP");
    assertThat(header.messageType()).isEmpty();
    assertThat(header.messageCode()).isEmpty();
    assertThat(header.triggerEvent()).isEmpty();
    assertThat(header.messageStructure()).isEmpty();
    assertThat(header.controlId()).isEmpty();
    assertThat(header.versionId()).isEmpty();
  }

  @Test
  void readsOnlyTheFirstSegmentWhateverFollows() throws Exception {
    MessageHeader header =
        MessageHeader.parse("MSH|^~\\&|A|B|C|D|2024||ADT^A40|C9|P|2.3.1\nthis is not a segment");

    assertThat(header.messageType()).isEqualTo("ADT^A40");
    assertThat(header.messageStructure()).isEmpty();
    assertThat(header.versionId()).isEqualTo("2.3.1");
  }

  @Test
  void keepsNonStandardDateTimeAsReceived() throws Exception {
    MessageHeader header =
        MessageHeader.parse(
            "MSH|^~\\&|252|252|100|100|2025-05-05 23:23:32||ADT^A31^ADT_A05|C|P|2.5");

    assertThat(header.dateTime()).isEqualTo("2025-05-05 23:23:32");
  }

  @Test
  void keepsTrailingSpacesOfFields() throws Exception {
    MessageHeader header = MessageHeader.parse("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05  |C|P|2.5");

    assertThat(header.messageType()).isEqualTo("ADT^A31^ADT_A05  ");
  }

  @Test
  void acceptsTruncationCharacterFromVersion27() throws Exception {
    MessageHeader header = MessageHeader.parse("MSH|^~\\&#|A|B|C|D|2024||ADT^A31^ADT_A05|C|P|2.7");

    assertThat(header.encodingCharacters()).isEqualTo("^~\\&#");
    assertThat(header.versionId()).isEqualTo("2.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {" MSH|^~\\&|A", "\rMSH|^~\\&|A", "msh|^~\\&|A", "<hello>", "MS"})
  void rejectsTextNotStartingWithMsh(String text) {
    assertThatThrownBy(() -> MessageHeader.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: the text does not start with an MSH segment")
        .extracting(e -> ((Hl7ParseException) e).errorCode())
        .isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MSH ^~\\&", "MSH\r^~\\&", "MSH\t^~\\&"})
  void rejectsWhitespaceAsFieldSeparator(String text) {
    assertThatThrownBy(() -> MessageHeader.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: MSH is not followed by a field separator");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MSH|^~\\|A", "MSH||A", "MSH|", "MSH|^~\\"})
  void rejectsMissingEncodingCharacters(String text) {
    assertThatThrownBy(() -> MessageHeader.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: Invalid encoding chars: Missing required encoding chars");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MSH|^^\\&|A", "MSH|^~&&|A", "MSH|^~\\&^|A||||||||2.7"})
  void rejectsDuplicateEncodingCharacters(String text) {
    assertThatThrownBy(() -> MessageHeader.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: Invalid encoding chars: Found duplicate encoding chars");
  }

  @Test
  void rejectsTruncationCharacterBeforeVersion27() {
    assertThatThrownBy(() -> MessageHeader.parse("MSH|^~\\&#|A|B|C|D|2024||ADT^A31|C|P|2.5"))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessageContaining("only allowed from HL7 v2.7");
  }

  @Test
  void rejectsMoreThanFiveEncodingCharacters() {
    assertThatThrownBy(() -> MessageHeader.parse("MSH|^~\\&#!|A||||||||2.8"))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessageContaining("more than 5 characters");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> MessageHeader.parse(null)).isInstanceOf(Hl7ParseException.class);
  }
}
