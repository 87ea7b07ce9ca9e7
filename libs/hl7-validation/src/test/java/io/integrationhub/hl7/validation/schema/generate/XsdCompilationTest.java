package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/** Every generated document is an XSD that JAXP compiles, and validates XML of the v2.xml shape. */
class XsdCompilationTest {

  private static final BuiltInSchemaSource SOURCE = new BuiltInSchemaSource();

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void everyFileCompiles(String flow) {
    assertThat(SOURCE.fileNames(flow)).isNotEmpty();
    for (String file : SOURCE.fileNames(flow)) {
      assertThatCode(() -> JaxpSchemas.compile(SOURCE, flow, file))
          .as(flow + "/" + file)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chemo", "mosaiq", "paris", "phw", "pims", "wds"})
  void minimalAndFullInstancesOfEveryStructureValidate(String flow) throws Exception {
    SchemaSet set = SchemaSet.builtIn(flow);
    for (String file : set.structureFiles()) {
      String structure = file.replace(".xsd", "");
      Schema schema = JaxpSchemas.compile(SOURCE, flow, file);
      JaxpSchemas.validate(schema, InstanceWriter.minimal(set, structure));
      JaxpSchemas.validate(schema, InstanceWriter.full(set, structure));
    }
  }

  @Test
  void pv1IsRequiredInAdtA05ExceptInWds() throws Exception {
    String phw = withoutSegment(InstanceWriter.minimal(SchemaSet.builtIn("phw"), "ADT_A05"), "PV1");
    String wds = InstanceWriter.minimal(SchemaSet.builtIn("wds"), "ADT_A05");

    assertThat(wds).doesNotContain("<PV1>");
    assertThatThrownBy(
            () -> JaxpSchemas.validate(JaxpSchemas.compile(SOURCE, "phw", "ADT_A05.xsd"), phw))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("PV1");
    JaxpSchemas.validate(JaxpSchemas.compile(SOURCE, "wds", "ADT_A05.xsd"), wds);
  }

  @Test
  void nk1InAMergePatientIsValidOnlyForChemo() throws Exception {
    String nk1 = "<NK1><NK1.1>1</NK1.1></NK1><MRG>";
    String chemo = InstanceWriter.minimal(SchemaSet.builtIn("chemo"), "ADT_A39");
    String phw = InstanceWriter.minimal(SchemaSet.builtIn("phw"), "ADT_A39");

    JaxpSchemas.validate(
        JaxpSchemas.compile(SOURCE, "chemo", "ADT_A39.xsd"), chemo.replace("<MRG>", nk1));
    assertThatThrownBy(
            () ->
                JaxpSchemas.validate(
                    JaxpSchemas.compile(SOURCE, "phw", "ADT_A39.xsd"), phw.replace("<MRG>", nk1)))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("NK1");
  }

  private static String withoutSegment(String xml, String segment) {
    int start = xml.indexOf("<" + segment + ">");
    int end = xml.indexOf("</" + segment + ">") + segment.length() + 3;
    assertThat(start).isNotNegative();
    return xml.substring(0, start) + xml.substring(end);
  }
}
