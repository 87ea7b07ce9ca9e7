package io.integrationhub.hl7.validation;

import static io.integrationhub.hl7.validation.Messages.msh;
import static io.integrationhub.hl7.validation.Messages.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.schema.generate.WriteBuiltInSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's schema directory (HL7_VALIDATION_SCHEMA_DIR) with a stricter rule than the
 * reference's: the built-in set written out, with PID-8 limited to M or F. The validator must
 * notice that field content can now fail, validate every element, and still never quote the value
 * in its error.
 */
class OperatorSchemaTest {

  @TempDir Path directory;

  @Test
  void facetsInAnOperatorSchemaAreEnforcedWithoutQuotingTheValue() throws Exception {
    WriteBuiltInSchemas.main(new String[] {directory.toString()});
    Path fields = directory.resolve("phw/2_5_fields.xsd");
    String declaration = "<xsd:element name=\"PID.8\" type=\"IS\"/>";
    assertThat(Files.readString(fields)).contains(declaration);
    Files.writeString(
        fields,
        Files.readString(fields)
            .replace(
                declaration,
                "<xsd:element name=\"PID.8\" type=\"SexCode\"/>"
                    + "<xsd:simpleType name=\"SexCode\"><xsd:restriction base=\"xsd:string\">"
                    + "<xsd:enumeration value=\"M\"/><xsd:enumeration value=\"F\"/>"
                    + "</xsd:restriction></xsd:simpleType>"));
    FlowValidator phw = Hl7Validation.fromDirectory(directory).flow("phw");
    String message =
        of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1^^^252^PI||A^B|||SECRETSEX", "PV1||U");

    ValidationResult invalid = phw.validate(message);
    ValidationResult valid = phw.validate(message.replace("SECRETSEX", "F"));

    assertThat(valid.isValid()).as(valid.toString()).isTrue();
    assertThat(invalid.isValid()).isFalse();
    assertThat(invalid.errorMessage())
        .isEqualTo(
            "The content of element '{urn:hl7-org:v2xml}PID.8' is not valid "
                + "(cvc-enumeration-valid). (path: /ns0:ADT_A05/ns0:PID/ns0:PID.8)")
        .doesNotContain("SECRETSEX");
  }
}
