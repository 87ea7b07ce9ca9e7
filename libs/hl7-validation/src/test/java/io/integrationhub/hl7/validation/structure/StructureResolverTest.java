package io.integrationhub.hl7.validation.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.validation.er7.Er7Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructureResolverTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ADT^A31^ADT_A05, ADT_A05",
    "ADT^A28^ADT_A05, ADT_A05",
    "ADT^A31, ADT_A05",
    "ADT^A28, ADT_A05",
    "ADT^A40^ADT_A39, ADT_A39",
    "ADT^A40, ADT_A39",
    "ADT^A40^ADT_A40, ADT_A40",
    "ADT^A04^ADT_A01, ADT_A01",
    "ADT^A08^ADT_A01, ADT_A01",
    "ADT^A04, ADT_A01",
    "ADT^A08, ADT_A01",
    "ADT^A28^ADT_A39, ADT_A39",
    "ADT^A01, ADT_A01",
    "ORU^R01, ORU_R01",
    "XYZ^Q99, XYZ_Q99",
    "^A31, A31",
    "ADT^ A31 ^ , ADT_A05",
    "ADT^A31^ ADT_A05 , ADT_A05",
    "ADT^A31^ADT_A05~ORU^R01, ADT_A05",
  })
  void resolvesTheStructureFromMsh9(String msh9, String structure) throws Exception {
    assertThat(resolve(msh9)).isEqualTo(structure);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ADT", "ADT^", "ADT^^"})
  void failsWithoutTriggerOrStructure(String msh9) {
    assertThatThrownBy(() -> resolve(msh9))
        .isInstanceOf(StructureException.class)
        .hasMessage("Unable to determine structure or trigger from ER7 message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADT^A31^../../etc", "ADT^A31^ADT A05", "ADT^A31^ADT_A05_X", "ADT^A/1"})
  void refusesTextThatIsNotAStructureName(String msh9) {
    assertThatThrownBy(() -> resolve(msh9))
        .isInstanceOf(StructureException.class)
        .hasMessageNotContaining("etc");
  }

  @ParameterizedTest
  @CsvSource({"ADT,A28,ADT_A05", "ADT,A31,ADT_A05", "ADT,A40,ADT_A39", "ADT,A04,ADT_A01"})
  void knowsTheStandardEventTable(String code, String trigger, String structure) {
    assertThat(StructureResolver.standard().standardStructure(code, trigger)).contains(structure);
  }

  private static String resolve(String msh9) throws Exception {
    Er7Message message = Er7Message.parse("MSH|^~\\&|A|B|C|D|20250101||" + msh9 + "|1|P|2.5");
    return StructureResolver.standard().resolve(MessageType.of(message));
  }
}
