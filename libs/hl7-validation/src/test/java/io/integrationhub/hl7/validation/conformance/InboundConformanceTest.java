package io.integrationhub.hl7.validation.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.FlowValidator;
import io.integrationhub.hl7.validation.Hl7Validation;
import io.integrationhub.hl7.validation.SharedData;
import io.integrationhub.hl7.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inbound conformance message of a flow with schemas, through the converter and (1) the
 * built-in schemas, (2) the reference hub's own schema sets loaded with the schema-directory
 * option. Both must give the verdicts of {@code xsd-verdicts.tsv}; the second run proves the XML
 * has the reference's shape.
 */
class InboundConformanceTest {

  private static final Set<String> XSD_FLOWS =
      Set.of("phw", "paris", "chemo", "pims", "mosaiq", "wds");
  private static final Hl7Validation BUILT_IN = Hl7Validation.builtIn();
  private static final Hl7Validation BUILT_IN_FULL = BUILT_IN.withFullSchemaValidation();
  private static Hl7Validation referenceSchemas;
  private static Hl7Validation referenceSchemasFull;

  static List<XsdVerdict> verdicts() {
    return XsdVerdict.all();
  }

  @ParameterizedTest(name = "built-in schemas: {0}")
  @MethodSource("verdicts")
  void builtInSchemasGiveTheExpectedVerdict(XsdVerdict expected) {
    check(BUILT_IN.flow(expected.flow()), expected);
  }

  @ParameterizedTest(name = "reference schemas: {0}")
  @MethodSource("verdicts")
  void referenceSchemasGiveTheSameVerdict(XsdVerdict expected) {
    check(referenceSchemas().flow(expected.flow()), expected);
  }

  @ParameterizedTest(name = "reference schemas, full validation: {0}")
  @MethodSource("verdicts")
  void referenceSchemasValidatingEveryElementGiveTheSameVerdict(XsdVerdict expected) {
    check(referenceSchemasFull().flow(expected.flow()), expected);
  }

  @ParameterizedTest(name = "built-in schemas, full validation: {0}")
  @MethodSource("verdicts")
  void builtInSchemasValidatingEveryElementGiveTheSameVerdict(XsdVerdict expected) {
    check(BUILT_IN_FULL.flow(expected.flow()), expected);
  }

  @Test
  void everyMessageOfAnXsdFlowHasAnExpectedVerdict() throws IOException {
    Path inbound = SharedData.conformance("inbound");
    Set<String> files = new TreeSet<>();
    for (String flow : XSD_FLOWS) {
      try (Stream<Path> list = Files.list(inbound.resolve(flow))) {
        list.forEach(file -> files.add(flow + "/" + file.getFileName()));
      }
    }
    Set<String> listed = new TreeSet<>();
    verdicts().forEach(verdict -> listed.add(verdict.file()));
    assertThat(listed).isEqualTo(files);
  }

  private static void check(FlowValidator validator, XsdVerdict expected) {
    String er7 = SharedData.text(SharedData.conformance("inbound/" + expected.file()));
    ValidationResult result = validator.validateAndConvert(er7);
    assertThat(result.isValid()).as("%s: %s", expected.file(), result).isEqualTo(expected.valid());
    if (expected.valid()) {
      assertThat(result.xml()).isPresent();
    } else {
      assertThat(result.errorMessage()).startsWith(expected.errorStart());
    }
  }

  private static synchronized Hl7Validation referenceSchemas() {
    if (referenceSchemas == null) {
      referenceSchemas = Hl7Validation.fromDirectory(SharedData.conformance("xsd"));
      referenceSchemasFull = referenceSchemas.withFullSchemaValidation();
    }
    return referenceSchemas;
  }

  private static synchronized Hl7Validation referenceSchemasFull() {
    referenceSchemas();
    return referenceSchemasFull;
  }
}
