package io.integrationhub.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.validation.er7.Er7Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unknown non-Z segments are rejected as the reference's parser does ("Invalid name for Segment:
 * XXX"), against the segments of the message's own HL7 version.
 */
class KnownSegmentsTest {

  private final KnownSegments knownSegments = new KnownSegments();

  private Optional<String> check(String version, String... segments) throws Exception {
    StringBuilder text =
        new StringBuilder(
            "MSH|^~\\&|252|252|100|100|20250505232332||ADT^A31^ADT_A05|CTRL1|T|" + version);
    for (String segment : segments) {
      text.append('\r').append(segment);
    }
    return knownSegments.check(Er7Message.parse(text.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3.1", "2.4", "2.5", "2.5.1"})
  void theAdtSegmentsOfEveryVersionPass(String version) throws Exception {
    assertThat(
            check(
                version, "EVN||1", "PID|1", "PD1", "NK1|1", "PV1||U", "PV2", "OBX|1", "AL1|1",
                "DG1|1", "MRG|1", "GT1|1", "IN1|1"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZPI|1", "ZZZ", "Z01|x"})
  void zSegmentsPass(String segment) throws Exception {
    assertThat(check("2.5", "EVN||1", segment, "PID|1")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"XXX|1", "ABC", "PIX|1", "AAA"})
  void unknownSegmentsFailNamingTheSegment(String segment) throws Exception {
    assertThat(check("2.5", "EVN||1", "PID|1", segment))
        .contains("Invalid name for Segment: " + segment.substring(0, 3));
  }

  @Test
  void theFirstUnknownSegmentIsReported() throws Exception {
    assertThat(check("2.5", "EVN||1", "YYY", "XXX")).contains("Invalid name for Segment: YYY");
  }

  @Test
  void sftExistsFromVersion25Only() throws Exception {
    assertThat(check("2.5", "SFT|x", "EVN||1")).isEmpty();
    assertThat(check("2.5.1", "SFT|x", "EVN||1")).isEmpty();
    assertThat(check("2.4", "SFT|x", "EVN||1")).contains("Invalid name for Segment: SFT");
    assertThat(check("2.3.1", "SFT|x", "EVN||1")).contains("Invalid name for Segment: SFT");
  }

  @Test
  void aVersionWithComponentsOrAnUnknownVersionUsesItsFirstComponentOrV25() throws Exception {
    assertThat(check("2.4^GBR", "SFT|x")).contains("Invalid name for Segment: SFT");
    assertThat(check("2.9", "SFT|x", "PID|1")).isEmpty();
    assertThat(check("", "PID|1", "XXX")).contains("Invalid name for Segment: XXX");
  }
}
