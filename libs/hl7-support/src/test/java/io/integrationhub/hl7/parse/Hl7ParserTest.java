package io.integrationhub.hl7.parse;

import static io.integrationhub.hl7.TestMessages.er7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.TestMessages;
import io.integrationhub.hl7.path.Hl7Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7ParserTest {

  private final Hl7Parser parser = Hl7Parser.shared();

  @Test
  void parsesV231MessageIntoTheV231Model() throws Exception {
    Message message = parser.parse(TestMessages.V231_A31);

    assertThat(message.getClass().getName()).startsWith("ca.uhn.hl7v2.model.v231.message.");
    assertThat(message.getVersion()).isEqualTo("2.3.1");
    assertThat(Hl7Fields.get(message, "PID.5")).isEqualTo("Testperson^Alys^^^Ms");
  }

  @Test
  void parsesV24MessageIntoTheStructureNamedByMsh93() throws Exception {
    Message message = parser.parse(TestMessages.V24_A28);

    assertThat(message).isInstanceOf(ca.uhn.hl7v2.model.v24.message.ADT_A05.class);
    assertThat(Hl7Fields.get(message, "PID.3.1")).isEqualTo("T2000002");
  }

  @Test
  void parsesV25Message() throws Exception {
    Message message = parser.parse(TestMessages.V25_A31);

    assertThat(message).isInstanceOf(ca.uhn.hl7v2.model.v25.message.ADT_A05.class);
    assertThat(Hl7Fields.get(message, "MSH.12")).isEqualTo("2.5^GBR");
  }

  @Test
  void parsesV251Message() throws Exception {
    Message message = parser.parse(TestMessages.V251_ORU);

    assertThat(message).isInstanceOf(ca.uhn.hl7v2.model.v251.message.ORU_R01.class);
    assertThat(Hl7Fields.getAll(message, "OBX.5"))
        .containsExactly("first value", "second value", "third value");
  }

  @Test
  void parsesUnknownVersionAsGenericMessage() throws Exception {
    String text =
        er7(
            "MSH|^~\\&|TESTAPP|TESTFAC|HUB|HUBFAC|20240102||ADT^A31^ADT_A05|V29-1|P|2.9",
            "PID|1||T7000007^^^TESTHOSP^MR||Futurist^Hedd",
            "ZPD|kept");

    Message message = parser.parse(text);

    assertThat(message).isInstanceOf(GenericMessage.class);
    assertThat(Hl7Fields.get(message, "MSH.12")).isEqualTo("2.9");
    assertThat(Hl7Fields.get(message, "PID.5.2")).isEqualTo("Hedd");
    assertThat(parser.encode(message)).isEqualTo(text);
  }

  @Test
  void parsesVersionWithoutStructureLibraryAsGenericMessage() throws Exception {
    String text =
        er7(
            "MSH|^~\\&|TESTAPP|TESTFAC|HUB|HUBFAC|20240102||ADT^A31^ADT_A05|V26-1|P|2.6",
            "PID|1||T8000008^^^TESTHOSP^MR");

    Message message = parser.parse(text);

    assertThat(message).isInstanceOf(GenericMessage.class);
    assertThat(Hl7Fields.get(message, "PID.3.4")).isEqualTo("TESTHOSP");
    assertThat(parser.encode(message)).isEqualTo(text);
  }

  @Test
  void keepsUnknownAndZSegmentsInPlaceWhenReEncoding() throws Exception {
    Message message = parser.parse(TestMessages.V25_A31);

    assertThat(parser.encode(message)).isEqualTo(TestMessages.V25_A31);
    assertThat(Hl7Fields.get(message, "XXX.2")).isEqualTo("unknown-2");
    assertThat(Hl7Fields.get(message, "ZPD.1")).isEqualTo("z-one^z-two&z-sub");
  }

  @Test
  void reEncodesEveryVersionUnchanged() throws Exception {
    for (String text :
        List.of(
            TestMessages.V231_A31,
            TestMessages.V24_A28,
            TestMessages.V251_ORU,
            TestMessages.V24_A40)) {
      assertThat(parser.encode(parser.parse(text))).isEqualTo(text);
    }
  }

  @Test
  void keepsEmptySegmentsThatHapiWouldDrop() throws Exception {
    String text =
        er7(
            "MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5",
            "EVN|A31",
            "PID|1||T1",
            "ZZZ",
            "PV1||");

    Message message = parser.parse(text);

    assertThat(parser.encode(message))
        .isEqualTo(
            er7(
                "MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5",
                "EVN|A31",
                "PID|1||T1",
                "ZZZ",
                "PV1"));
  }

  @Test
  void normalisesOnlyTrailingEmptyDelimiters() throws Exception {
    String text =
        er7("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5|||", "PID|1||T1^^^H^||X^Y^^|||");

    assertThat(parser.encode(parser.parse(text)))
        .isEqualTo(er7("MSH|^~\\&|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.5", "PID|1||T1^^^H||X^Y"));
  }

  @Test
  void keepsATruncationCharacter() throws Exception {
    String text = er7("MSH|^~\\&#|A|B|C|D|2024||ADT^A31^ADT_A05|C1|P|2.7", "PID|1||T1#2");

    Message message = parser.parse(text);

    assertThat(parser.encode(message)).isEqualTo(text);
    assertThat(Hl7Fields.get(message, "MSH.2")).isEqualTo("^~\\&#");
  }

  @Test
  void refusesToEncodeAMessageWithoutHeader() {
    Message empty = new GenericMessage.V25(new ca.uhn.hl7v2.parser.DefaultModelClassFactory());

    assertThatThrownBy(() -> parser.encode(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no MSH segment");
  }

  @Test
  void acceptsLfAndCrlfSegmentSeparators() throws Exception {
    String lf = TestMessages.V25_A31.replace("\r", "\n");
    String crlf = TestMessages.V25_A31.replace("\r", "\r\n");

    assertThat(parser.encode(parser.parse(lf))).isEqualTo(TestMessages.V25_A31);
    assertThat(parser.encode(parser.parse(crlf))).isEqualTo(TestMessages.V25_A31);
  }

  @Test
  void acceptsMissingFinalSeparatorAndBlankSegments() throws Exception {
    String text = "MSH|^~\\&|A|B|C|D|20240102||ADT^A31^ADT_A05|C1|P|2.5\r\rPID|1||T1\r\r\r";

    Message message = parser.parse(text.strip());

    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T1");
    assertThat(Hl7Fields.get(parser.parse(text), "PID.3")).isEqualTo("T1");
  }

  @Test
  void parsesMessageWhoseMsh9NamesNoStructureAsGeneric() throws Exception {
    Message message = parser.parse(er7("MSH|^~\\&|A|B|C|D|20240102||ADT|C2|P|2.5", "PID|1||T9"));

    assertThat(message).isInstanceOf(GenericMessage.class);
    assertThat(Hl7Fields.get(message, "MSH.9")).isEqualTo("ADT");
    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T9");
  }

  @Test
  void parsesMessageWithEmptyMsh12FollowedByFields() throws Exception {
    Message message =
        parser.parse(er7("MSH|^~\\&|A|B|C|D|20240102||ADT^A31^ADT_A05|C4|P||||||GBR", "PID|1||T4"));

    assertThat(Hl7Fields.get(message, "MSH.17")).isEqualTo("GBR");
    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T4");
  }

  @Test
  void readsTheVersionWithoutSurroundingSpaces() throws Exception {
    Message message =
        parser.parse(er7("MSH|^~\\&|A|B|C|D|20240102||ADT^A31^ADT_A05|C5|P| 2.4 ", "PID|1||T5"));

    assertThat(message).isInstanceOf(ca.uhn.hl7v2.model.v24.message.ADT_A05.class);
    assertThat(Hl7Fields.get(message, "MSH.12")).isEqualTo(" 2.4 ");
  }

  @Test
  void parsesShortMshOnlyMessage() throws Exception {
    Message message = parser.parse("MSH|^~\\&|ONLY|FAC");

    assertThat(Hl7Fields.get(message, "MSH.4")).isEqualTo("FAC");
  }

  @Test
  void takesTheStructureFromTheFirstSegmentOnly() throws Exception {
    Message message = parser.parse(er7("MSH|^~\\&|A", "PID|1|2|3|4|5|6|7|ADT^A01^ADT_A01|9"));

    assertThat(message).isInstanceOf(GenericMessage.class);
    assertThat(Hl7Fields.get(message, "PID.8")).isEqualTo("ADT^A01^ADT_A01");
  }

  @Test
  void parsesCustomDelimitersAndKeepsThemWhenEncoding() throws Exception {
    String text = er7("MSH#*~\\&#A|1#B#C#D#20240102##ADT*A31*ADT_A05#C3#P#2.5", "PID#1##T1*X");

    Message message = parser.parse(text);

    assertThat(Hl7Fields.get(message, "MSH.3")).isEqualTo("A\\F\\1");
    assertThat(Hl7Fields.get(message, "PID.3")).isEqualTo("T1^X");
    assertThat(parser.encode(message)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " MSH|^~\\&|A", "NOT_VALID_HL7", "<hello>", "MSH", "PID|1"})
  void rejectsTextNotStartingWithMshAndSeparator(String text) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessageStartingWith("Invalid HL7 message");
  }

  @Test
  void rejectsNullText() {
    assertThatThrownBy(() -> parser.parse(null))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: the text is empty");
  }

  @Test
  void rejectsDuplicateEncodingCharacters() {
    assertThatThrownBy(() -> parser.parse("MSH|^^\\&|A|B|C|D|1||ADT^A31|C|P|2.5\r"))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage("Invalid HL7 message: Invalid encoding chars: Found duplicate encoding chars")
        .extracting(e -> ((Hl7ParseException) e).errorCode())
        .isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
  }

  @Test
  void rejectsFreeTextSegmentWithoutQuotingIt() {
    String text = er7("MSH|^~\\&|A|B|C|D|1||ADT^A31^ADT_A05|C|P|2.5", "Secretname Patient");

    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessage(
            "HL7 message could not be parsed: segment 2 does not start with a segment id"
                + " followed by the field separator")
        .message()
        .doesNotContain("Secretname");
  }

  @Test
  void reportsHapiFailuresWithoutMessageContent() {
    assertThatThrownBy(() -> parser.parse("MSH|^~\\&"))
        .isInstanceOf(Hl7ParseException.class)
        .hasMessageStartingWith("HL7 message could not be parsed")
        .hasNoCause()
        .message()
        .doesNotContain("MSH|");
  }

  @Test
  void parsesConcurrentlyFromSeveralThreads() throws Exception {
    List<String> texts =
        List.of(
            TestMessages.V231_A31,
            TestMessages.V24_A28,
            TestMessages.V25_A31,
            TestMessages.V251_ORU,
            TestMessages.V24_A40);
    Hl7Parser fresh = new Hl7Parser();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = texts.get(i % texts.size());
        tasks.add(() -> fresh.encode(fresh.parse(text)).equals(text));
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sharedReturnsOneInstance() {
    assertThat(Hl7Parser.shared()).isSameAs(Hl7Parser.shared());
  }
}
