package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.map;
import static io.integrationhub.transform.chemo.Messages.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.vectors.Er7PathReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MshMapperTest {

  private final MshMapper mapper = new MshMapper();

  @Test
  void copiesDirectFieldsAndWritesConstants() throws TransformException {
    String in =
        "MSH|^~\\&|192^FAC^L|192^X|200^Y|200^Z|20240102030405^S|SEC|ADT^A28^ADT_A05|C99|P^T|2.4|0042|"
            + "PTR|AL|NE~ER|GBR|8859/1~UNICODE|EN|ISO|PROF^A";

    assertThat(map(mapper, in))
        .isEqualTo(
            "MSH|^~\\&|192|192|200|200|20240102030405|SEC|ADT^A28^ADT_A05|C99|P^T|2.5|0042|PTR|AL|"
                + "NE~ER|GBR|8859/1~UNICODE|EN|ISO|PROF^A");
  }

  @Test
  void forcesStructureAndVersionOnA31() throws TransformException {
    Er7PathReader out = mapped(mapper, Messages.msh("224"));

    assertThat(out.read("MSH.9")).isEqualTo("ADT^A31^ADT_A05");
    assertThat(out.read("MSH.12")).isEqualTo("2.5");
    assertThat(out.read("MSH.15")).isEqualTo("NE");
    assertThat(out.read("MSH.16")).isEqualTo("NE");
  }

  @Test
  void keepsLeadingZerosOfTheSequenceNumber() throws TransformException {
    String in = "MSH|^~\\&|245|245|200|200|20240102030405||ADT^A28|C1|P|2.4|000123";

    assertThat(mapped(mapper, in).read("MSH.13")).isEqualTo("000123");
  }

  @Test
  void writesStandardDelimitersForNonStandardInput() throws TransformException {
    String in = "MSH#*!$%#245*F#245#200#200#20240102030405##ADT*A28#C1#P*T#2.4";

    assertThat(map(mapper, in))
        .isEqualTo("MSH|^~\\&|245|245|200|200|20240102030405||ADT^A28^ADT_A05|C1|P^T|2.5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A05", "A14", "A28", "A31"})
  void acceptsEveryAdtA05Trigger(String trigger) throws TransformException {
    String in = "MSH|^~\\&|245|245|200|200|20240102030405||ADT^" + trigger + "|C1|P|2.4";

    assertThat(mapped(mapper, in).read("MSH.9")).isEqualTo("ADT^" + trigger + "^ADT_A05");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADT^A40", "ADT^A40^ADT_A39", "ADT^A08", "ADT^", "ORU^A31", "ADT^a31"})
  void rejectsEventsThatAreNotAdtA05(String type) {
    String in = "MSH|^~\\&|245|245|200|200|20240102030405||" + type + "|C1|P|2.4";

    assertThatThrownBy(() -> map(mapper, in))
        .isInstanceOf(TransformException.class)
        .hasMessageStartingWith("MSH.9 (message type)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\"\"", "^+0100"})
  void rejectsAnEmptyMessageDateTimeInsteadOfUsingTheClock(String msh7) {
    String in = "MSH|^~\\&|245|245|200|200|" + msh7 + "||ADT^A28|C1|P|2.4";

    assertThatThrownBy(() -> map(mapper, in))
        .isInstanceOf(TransformException.class)
        .hasMessage("MSH.7 (date/time of message) is empty or null; it is required by MPI");
  }

  @Test
  void rejectsAnEmptyControlId() {
    String in = "MSH|^~\\&|245|245|200|200|20240102030405||ADT^A28||P|2.4";

    assertThatThrownBy(() -> map(mapper, in))
        .isInstanceOf(TransformException.class)
        .hasMessageStartingWith("MSH.10 (message control ID) is empty");
  }

  @Test
  void rejectsAnEmptyProcessingId() {
    String in = "MSH|^~\\&|245|245|200|200|20240102030405||ADT^A28|C1||2.4";

    assertThatThrownBy(() -> map(mapper, in))
        .isInstanceOf(TransformException.class)
        .hasMessageStartingWith("MSH.11 (processing ID) is empty");
  }
}
