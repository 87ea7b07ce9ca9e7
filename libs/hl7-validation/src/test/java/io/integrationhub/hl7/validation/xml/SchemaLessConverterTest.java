package io.integrationhub.hl7.validation.xml;

import static io.integrationhub.hl7.validation.Messages.msh;
import static io.integrationhub.hl7.validation.Messages.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.structure.StructureException;
import org.junit.jupiter.api.Test;

class SchemaLessConverterTest {

  @Test
  void writesEachNonEmptyFieldAsOneElementWithItsWholeText() throws Exception {
    String xml =
        SchemaLessConverter.convert(
            of(
                msh("ADT^A28^ADT_A05", "2.5"),
                "PID||H1^^^110^PI|123^^^252&1.2.3&ISO^PI~9^^^NHS^NH",
                "ZPI|x"));

    assertThat(xml)
        .startsWith(
            "<ns0:ADT_A05 xmlns:ns0=\"urn:hl7-org:v2xml\"><ns0:MSH><ns0:MSH.1>|</ns0:MSH.1>"
                + "<ns0:MSH.2>^~\\&amp;</ns0:MSH.2><ns0:MSH.3>252</ns0:MSH.3>")
        .contains("<ns0:MSH.9>ADT^A28^ADT_A05</ns0:MSH.9>")
        .contains(
            "<ns0:PID><ns0:PID.2>H1^^^110^PI</ns0:PID.2>"
                + "<ns0:PID.3>123^^^252&amp;1.2.3&amp;ISO^PI~9^^^NHS^NH</ns0:PID.3></ns0:PID>")
        .contains("<ns0:ZPI><ns0:ZPI.1>x</ns0:ZPI.1></ns0:ZPI>")
        .doesNotContain("MSH.8");
  }

  @Test
  void findsTheStructureWithoutMsh93() throws Exception {
    assertThat(SchemaLessConverter.convert(msh("ADT^A28", "2.5"))).startsWith("<ns0:ADT_A05 ");
  }

  @Test
  void failsClearlyOnWhatItCannotConvert() {
    assertThatThrownBy(() -> SchemaLessConverter.convert("hello"))
        .isInstanceOf(Er7FormatException.class);
    assertThatThrownBy(() -> SchemaLessConverter.convert(msh("ADT", "2.5")))
        .isInstanceOf(StructureException.class);
    assertThatThrownBy(() -> SchemaLessConverter.convert(of(msh("ADT^A28", "2.5"), "PID|\u0001")))
        .isInstanceOf(ConversionException.class)
        .hasMessage("PID.1 contains a control or invalid character that XML cannot carry");
  }
}
