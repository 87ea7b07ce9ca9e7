package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.map;
import static io.integrationhub.transform.chemo.Messages.message;
import static io.integrationhub.transform.chemo.Messages.msh;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.TransformException;
import org.junit.jupiter.api.Test;

class Pd1MapperTest {

  private final Pd1Mapper mapper = new Pd1Mapper();

  @Test
  void copiesGpPractice() throws TransformException {
    assertThat(map(mapper, message(msh("192"), "PD1||||G9999991"))).isEqualTo("PD1||||G9999991");
  }

  @Test
  void keepsTheMappedComponentsOnly() throws TransformException {
    String pd1 =
        "PD1|L|X|PRACTICE^L^W99999^4^AN^NHS&N^XX^ORG&O^9^ID10~SECOND|G9999991^DOC&VAN^ANNA^B^JR^DR"
            + "^MD^L~G2|Y|N";

    assertThat(map(mapper, message(msh("192"), pd1)))
        .isEqualTo("PD1|||PRACTICE^^W99999^4^AN^NHS^XX^ORG^9|G9999991^DOC^ANNA^B^^DR");
  }

  @Test
  void trailingWhitespaceOfTheSegmentIsIgnored() throws TransformException {
    assertThat(map(mapper, message(msh("192"), "PD1||||G9999991~W99999 ")))
        .isEqualTo("PD1||||G9999991");
  }

  @Test
  void onlyTheFirstPd1IsMappedAndNoneWhenAbsent() throws TransformException {
    assertThat(map(mapper, message(msh("192"), "PD1||||G1", "PD1||||G2"))).isEqualTo("PD1||||G1");
    assertThat(map(mapper, msh("192"))).isEmpty();
  }

  @Test
  void pd1WithoutMappedValuesIsDropped() throws TransformException {
    assertThat(map(mapper, message(msh("192"), "PD1|L|X||||Y"))).isEmpty();
  }
}
