package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.map;
import static io.integrationhub.transform.chemo.Messages.mapped;
import static io.integrationhub.transform.chemo.Messages.message;
import static io.integrationhub.transform.chemo.Messages.msh;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.vectors.Er7PathReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PidMapperTest {

  private final PidMapper mapper = new PidMapper();

  private static final String PID =
      "PID|1|9990000018^^^^NH|9990000018^^^^NH~L123^^^^PAS||ZZTEST^ALEX^J^^Mx.||19800214|U";

  @ParameterizedTest
  @CsvSource({
    "224, VCC9990000018",
    "212, BCUCC9990000018",
    "192, SWWCC9990000018",
    "245, SEWCC9990000018"
  })
  void prefixesTheNhsNumberBySendingFacility(String app, String local) throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh(app), PID));

    assertThat(out.count("PID.3")).isEqualTo(2);
    assertThat(out.read("PID.3[1]")).isEqualTo("9990000018^^^NHS^NH");
    assertThat(out.read("PID.3[2]")).isEqualTo(local + "^^^" + app + "^PI");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999", "2240", "VCC"})
  void unknownSendingApplicationGetsNoLocalNumber(String app) throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh(app), PID));

    assertThat(out.read("PID.3[1]")).isEqualTo("9990000018^^^NHS^NH");
    assertThat(out.read("PID.3[2]")).isEqualTo("^^^" + app + "^PI");
  }

  @Test
  void emptySendingApplicationGetsOnlyTheIdentifierType() throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh(""), PID));

    assertThat(out.read("PID.3[2]")).isEqualTo("^^^^PI");
  }

  @Test
  void sendingApplicationIsMsh31OnlyNotTheWholeField() throws TransformException {
    String in = message("MSH|^~\\&|^OTHER|224|200|200|20240102030405||ADT^A31|C1|P|2.4", PID);

    Er7PathReader out = mapped(mapper, in);

    assertThat(out.read("PID.3[2]")).isEqualTo("^^^^PI");
  }

  @Test
  void facilityHd2DoesNotChangeThePrefix() throws TransformException {
    String in = message("MSH|^~\\&|212^BCU^L|212|200|200|20240102030405||ADT^A31|C1|P|2.4", PID);

    assertThat(mapped(mapper, in).read("PID.3[2]")).isEqualTo("BCUCC9990000018^^^212^PI");
  }

  @Test
  void inboundPid3AndPid2AreNotCopied() throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh("192"), PID));

    assertThat(out.read("PID.2")).isEmpty();
    assertThat(out.segments().get(0)).doesNotContain("L123").doesNotContain("PAS");
  }

  @Test
  void noNhsNumberGivesIdentifierTypesOnly() throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh("192"), "PID|1||L123^^^^PAS||ZZTEST^ALEX"));

    assertThat(out.read("PID.3[1]")).isEqualTo("^^^NHS^NH");
    assertThat(out.read("PID.3[2]")).isEqualTo("^^^192^PI");
  }

  @Test
  void nhsNumberIsPid21OnlyNeverTheWholeField() throws TransformException {
    // C2: the reference used the whole PID.2 text ("^^^^NH", escaped) as the NHS number.
    Er7PathReader out = mapped(mapper, message(msh("192"), "PID|1|^^^^NH||ZZTEST^ALEX"));

    assertThat(out.read("PID.3[1]")).isEqualTo("^^^NHS^NH");
    assertThat(out.read("PID.3[2]")).isEqualTo("^^^192^PI");
  }

  @Test
  void hl7NullNhsNumberCountsAsNone() throws TransformException {
    // C3: the reference produced NHS number "" and SWWCC"".
    Er7PathReader out = mapped(mapper, message(msh("192"), "PID|1|\"\"||ZZTEST^ALEX"));

    assertThat(out.read("PID.3[1]")).isEqualTo("^^^NHS^NH");
    assertThat(out.read("PID.3[2]")).isEqualTo("^^^192^PI");
  }

  @Test
  void nhsNumberIsTrimmed() throws TransformException {
    // C3: whitespace around the NHS number is not carried into either identifier.
    Er7PathReader out = mapped(mapper, message(msh("245"), "PID|1| 9990000018 ^^^^NH||ZZTEST"));

    assertThat(out.read("PID.3[1].1")).isEqualTo("9990000018");
    assertThat(out.read("PID.3[2].1")).isEqualTo("SEWCC9990000018");
  }

  @Test
  void pidWithOnlyIdentifiersIsStillEmitted() throws TransformException {
    // C1: the reference emitted no PID at all for this input.
    String out = map(mapper, message(msh("224"), "PID||9990000018^^^^NH|L123^^^^PAS"));

    assertThat(out).isEqualTo("PID|||9990000018^^^NHS^NH~VCC9990000018^^^224^PI");
  }

  @Test
  void noPidGivesNoPid() throws TransformException {
    assertThat(map(mapper, message(msh("224"), "EVN|A31|20240102030405"))).isEmpty();
  }

  @Test
  void onlyTheFirstPidIsMapped() throws TransformException {
    Er7PathReader out =
        mapped(mapper, message(msh("224"), PID, "PID|2|9990000026^^^^NH||OTHER^PERSON"));

    assertThat(out.count("PID")).isEqualTo(1);
    assertThat(out.read("PID.5")).isEqualTo("ZZTEST^ALEX^J^^Mx.");
  }

  @Test
  void copiesTheMappedFieldsAndDropsTheRest() throws TransformException {
    String pid =
        "PID|0001|9990000018^^^^NH||ALT1|ZZTEST&VAN^ALEX^J^JR^Mx.^PHD^L^A^NAM&X^20200101&20301231^M"
            + "~ALIAS^A|MAIDEN&X^M|19800214000000^D|F|ALIAS|W^White^L|1 ROAD&Rd^FLAT 2^TOWN^COUNTY^"
            + "ZZ1 1ZZ^GBR^H^CTY^W1^^^^^^20240101~2 OTHER^^^^ZZ2 2ZZ|CO|01000 000001^PRN^PH^a@b.example^44"
            + "~^PRS^CP~~|02000 000002^WPN^PH~03000 000003^WPN|EN^English|M^Married|C^Church|ACC1|SSN1|"
            + "DL1|MOTHER1|E^Ethnic|PLACE|Y|2|GBR|VET|GBR^British|20230101010101|Y|N|\"\"";

    Er7PathReader out = mapped(mapper, message(msh("224"), pid));

    assertThat(out.read("PID.1")).isEqualTo("0001");
    assertThat(out.read("PID.2")).isEmpty();
    assertThat(out.read("PID.4")).isEmpty();
    assertThat(out.read("PID.5")).isEqualTo("ZZTEST^ALEX^J^JR^Mx.^PHD^L^A^NAM^20200101&20301231^M");
    assertThat(out.count("PID.5")).isEqualTo(1);
    assertThat(out.read("PID.6")).isEqualTo("MAIDEN");
    assertThat(out.read("PID.7")).isEqualTo("19800214000000^D");
    assertThat(out.read("PID.8")).isEqualTo("F");
    assertThat(out.read("PID.9")).isEqualTo("ALIAS");
    assertThat(out.read("PID.10")).isEqualTo("W");
    assertThat(out.read("PID.11")).isEqualTo("1 ROAD^FLAT 2^TOWN^COUNTY^ZZ1 1ZZ^^H^CTY");
    assertThat(out.count("PID.11")).isEqualTo(1);
    assertThat(out.read("PID.12")).isEmpty();
    assertThat(out.count("PID.13")).isEqualTo(4);
    assertThat(out.read("PID.13[1]")).isEqualTo("01000 000001^PRN^^a@b.example");
    assertThat(out.read("PID.13[2]")).isEqualTo("^PRS");
    assertThat(out.read("PID.13[3]")).isEmpty();
    assertThat(out.read("PID.13[4]")).isEmpty();
    assertThat(out.read("PID.14")).isEqualTo("02000 000002^WPN");
    assertThat(out.count("PID.14")).isEqualTo(1);
    assertThat(out.read("PID.15")).isEmpty();
    assertThat(out.read("PID.16")).isEmpty();
    assertThat(out.read("PID.17")).isEqualTo("C");
    assertThat(out.read("PID.18")).isEmpty();
    assertThat(out.read("PID.21")).isEmpty();
    assertThat(out.read("PID.22")).isEqualTo("E");
    assertThat(out.read("PID.23")).isEmpty();
    assertThat(out.read("PID.28")).isEmpty();
    assertThat(out.read("PID.29")).isEqualTo("20230101010101");
    assertThat(out.read("PID.30")).isEmpty();
    assertThat(out.read("PID.31")).isEmpty();
    assertThat(out.read("PID.32")).isEqualTo("\"\"");
  }

  @Test
  void emptyAddressLineIsNotAnError() throws TransformException {
    // The PIMS defect M1 (crash on an empty PID.11.1) does not exist here.
    Er7PathReader out = mapped(mapper, message(msh("192"), "PID|1|9990000018|||||||||^^^^ZZ1 1ZZ"));

    assertThat(out.read("PID.11")).isEqualTo("^^^^ZZ1 1ZZ");
  }

  @Test
  void hl7NullIsCopiedAsAValue() throws TransformException {
    Er7PathReader out = mapped(mapper, message(msh("192"), "PID|1|9990000018||||\"\"||\"\""));

    assertThat(out.read("PID.8")).isEqualTo("\"\"");
  }
}
