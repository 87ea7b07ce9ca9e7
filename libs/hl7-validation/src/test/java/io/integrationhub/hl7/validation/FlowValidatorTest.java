package io.integrationhub.hl7.validation;

import static io.integrationhub.hl7.validation.Messages.msh;
import static io.integrationhub.hl7.validation.Messages.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowValidatorTest {

  private static final Hl7Validation VALIDATION = Hl7Validation.builtIn();
  private static final FlowValidator PHW = VALIDATION.flow("phw");

  @Test
  void reportsTheMessageHeaderAndNoXmlUnlessAsked() {
    ValidationResult result = PHW.validate(Messages.PHW_A31);

    assertThat(result.isValid()).as(result.toString()).isTrue();
    assertThat(result.flow()).isEqualTo("phw");
    assertThat(result.structure()).isEqualTo("ADT_A05");
    assertThat(result.messageCode()).isEqualTo("ADT");
    assertThat(result.triggerEvent()).isEqualTo("A31");
    assertThat(result.controlId()).isEqualTo("CTRL0001");
    assertThat(result.xml()).isEmpty();
    assertThat(result.errorMessage()).isEmpty();
    assertThat(PHW.validateAndConvert(Messages.PHW_A31).xml()).isPresent();
  }

  @Test
  void validatesMergesAgainstAdtA39() {
    assertThat(PHW.validate(Messages.PHW_A40).isValid()).isTrue();
    assertThat(PHW.validate(Messages.PHW_A40.replace("ADT^A40^ADT_A39", "ADT^A40")).structure())
        .isEqualTo("ADT_A39");
    assertThat(
            PHW.validate(Messages.PHW_A40.replace("ADT^A40^ADT_A39", "ADT^A28^ADT_A39")).isValid())
        .isTrue();
  }

  @Test
  void namesTheAvailableSchemasWhenTheStructureHasNone() {
    ValidationResult result =
        PHW.validate(Messages.PHW_A31.replace("ADT^A31^ADT_A05", "ADT^A01^ADT_A01"));

    assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.NO_SCHEMA);
    assertThat(result.errorMessage())
        .isEqualTo(
            "No XSD mapping for flow 'phw' and trigger/structure 'ADT_A01'. Available: "
                + "2_5_fields, 2_5_segments, 2_5_types, ADT_A05, ADT_A39");
  }

  @Test
  void pimsAcceptsA04AndA08AsAdtA01ButHasNoAdtA05() {
    FlowValidator pims = VALIDATION.flow("pims");
    String a04 =
        of(msh("ADT^A04^ADT_A01", "2.3.1"), "EVN|A04|20250101", "PID|||1^^^PIMS^PI||A^B", "PV1||U");

    assertThat(pims.validate(a04).isValid()).isTrue();
    assertThat(pims.validate(a04.replace("ADT^A04^ADT_A01", "ADT^A08")).isValid()).isTrue();
    assertThat(
            pims.validate(a04.replace("ADT^A04^ADT_A01", "ADT^A31")).failure().orElseThrow().kind())
        .isEqualTo(FailureKind.NO_SCHEMA);
  }

  @Test
  void wdsMakesPv1Optional() {
    String noPv1 = of(msh("ADT^A28^ADT_A05", "2.5"), "EVN||20250101", "PID|||1^^^WDS^PI||A^B");

    assertThat(VALIDATION.flow("wds").validate(noPv1).isValid()).isTrue();
    assertThat(PHW.validate(noPv1).isValid()).isFalse();
  }

  @Test
  void chemoAllowsNk1InAMerge() {
    String merge =
        of(
            msh("ADT^A40", "2.4"),
            "EVN||20250101",
            "PID|||1^^^VCC^PI||A^B",
            "NK1|1|C^D",
            "MRG|2^^^VCC^PI");

    assertThat(VALIDATION.flow("chemo").validate(merge).isValid()).isTrue();
    assertThat(VALIDATION.flow("phw").validate(merge.replace("2.4", "2.5")).isValid()).isFalse();
  }

  @Test
  void unknownFlowIsAConfigurationError() {
    assertThatThrownBy(() -> VALIDATION.flow("nope"))
        .isInstanceOf(UnknownFlowException.class)
        .hasMessage(
            "No XSD schemas for flow 'nope' in built-in. Available: chemo, mosaiq, paris, phw, pims, wds");
    assertThat(VALIDATION.flows())
        .containsExactly("chemo", "mosaiq", "paris", "phw", "pims", "wds");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "MSH|^~\\&|A\nPID|1",
        "MSH|^~\\&|A|B|C|D|T||ADT|1|P|2.5",
        "MSH|^~\\&|A|B|C|D|T||ADT^A31^ADT_A05|1|P|2.5\rXXX|1",
        "MSH|^~\\&|A|B|C|D|T||ADT^A31^ADT_A05|1|P|2.5\rEVN||1\rPID|||\u0001",
        "MSH|^~\\&|A|B|C|D|T||ADT^A31^../x|1|P|2.5",
      })
  void malformedMessagesAreFailuresNotExceptions(String text) {
    ValidationResult result = PHW.validateAndConvert(text);

    assertThat(result.isValid()).isFalse();
    assertThat(result.errorMessage()).isNotBlank();
    assertThat(result.xml()).isEmpty();
  }

  @Test
  void failureKindsTellTheProblemApart() {
    assertThat(kind("hello")).isEqualTo(FailureKind.MALFORMED);
    assertThat(kind(msh("ADT", "2.5"))).isEqualTo(FailureKind.UNKNOWN_STRUCTURE);
    assertThat(kind(msh("ADT^A31^ADT_A05", "2.5"))).isEqualTo(FailureKind.INVALID);
    assertThat(kind(msh("ADT^A31^ADT_A05", "2.5") + "\rXXX|1")).isEqualTo(FailureKind.INVALID);
  }

  @Test
  void errorTextsNeverQuoteTheMessage() {
    String secret = "SECRETNAME";
    List<String> messages =
        List.of(
            of(msh("ADT^A31^ADT_A05", "2.5"), "PID|||1||" + secret),
            of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1||" + secret, "ZZZ|" + secret),
            of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1||" + secret + "\u0002"),
            of(
                msh("ADT^A31^ADT_A05", "2.5"),
                "EVN||1",
                "PID|||1||" + secret,
                "PV1",
                "PID|" + secret));

    for (String message : messages) {
      ValidationResult result = PHW.validateAndConvert(message);
      assertThat(result.isValid()).isFalse();
      assertThat(result.toString()).doesNotContain(secret);
    }
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    String invalid = of(msh("ADT^A31^ADT_A05", "2.5"), "EVN||1", "PID|||1^^^252^PI||A^B");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        boolean valid = i % 3 != 0;
        String message = valid ? Messages.PHW_A31 : invalid;
        tasks.add(() -> PHW.validateAndConvert(message).isValid() == valid);
      }
      for (Future<Boolean> outcome : pool.invokeAll(tasks)) {
        assertThat(outcome.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void warmUpCompilesEveryStructure() {
    assertThat(VALIDATION.flow("paris").warmUp().available()).contains("ADT_A05", "ADT_A39");
  }

  private static FailureKind kind(String message) {
    return PHW.validate(message).failure().orElseThrow().kind();
  }
}
