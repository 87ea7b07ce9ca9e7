package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.chemo.Messages.map;
import static io.integrationhub.transform.chemo.Messages.message;
import static io.integrationhub.transform.chemo.Messages.msh;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.transform.TransformException;
import org.junit.jupiter.api.Test;

class Nk1MapperTest {

  private final Nk1Mapper mapper = new Nk1Mapper();

  @Test
  void keepsNameRelationshipAddressAndPhoneNumberOnly() throws TransformException {
    String nk1 =
        "NK1|1|ZZKIN&VAN^SAM^Q^JR^Mr.^^L|SIS^Sister|1 ROAD&Rd^FLAT 2^TOWN^COUNTY^ZZ1 1ZZ^GBR^H"
            + "|07000 000009^PRN^CP~01000 000008|02000 000007^WPN|NK^NEXT OF KIN";

    assertThat(map(mapper, message(msh("245"), nk1)))
        .isEqualTo("NK1||ZZKIN^SAM^^^^^L|SIS|1 ROAD^FLAT 2^^^^^H|07000 000009");
  }

  @Test
  void dropsSetIdAndContactRole() throws TransformException {
    assertThat(map(mapper, message(msh("212"), "NK1|1|ZZKIN^PAT^K|WIFE||||||NK^NEXT OF KIN")))
        .isEqualTo("NK1||ZZKIN^PAT|WIFE");
  }

  @Test
  void onlyTheFirstNk1IsMappedAndNoneWhenAbsent() throws TransformException {
    assertThat(map(mapper, message(msh("212"), "NK1|1|ONE", "NK1|2|TWO"))).isEqualTo("NK1||ONE");
    assertThat(map(mapper, msh("212"))).isEmpty();
  }
}
