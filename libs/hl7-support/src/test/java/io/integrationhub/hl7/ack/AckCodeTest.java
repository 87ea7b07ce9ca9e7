package io.integrationhub.hl7.ack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AckCodeTest {

  @Test
  void onlyApplicationAndCommitAcceptArePositive() {
    assertThat(AckCode.AA.isPositive()).isTrue();
    assertThat(AckCode.CA.isPositive()).isTrue();
    assertThat(AckCode.AE.isPositive()).isFalse();
    assertThat(AckCode.AR.isPositive()).isFalse();
    assertThat(AckCode.CE.isPositive()).isFalse();
    assertThat(AckCode.CR.isPositive()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(AckCode.class)
  void fromCodeFindsEveryCodeByItsName(AckCode code) {
    assertThat(AckCode.fromCode(code.name())).contains(code);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"aa", " AA", "AA ", "A", "AAA", "XX", "AA^1"})
  void fromCodeIsExact(String text) {
    assertThat(AckCode.fromCode(text)).isEmpty();
  }
}
