package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.Mappings.copy;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.Mappings;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.util.List;

/**
 * NK1 (spec §4.6), first occurrence: name (FN.1 of XPN.1, XPN.2, XPN.7), relationship (CE.1),
 * address (SAD.1 of XAD.1, XAD.2, XAD.7) and XTN.1 of the phone; everything else (set ID, city,
 * postcode, country, NK1.6+) is dropped.
 */
public final class Nk1Mapper implements Mapper {

  private static final Mapper DIRECT =
      Mappings.all(
          List.of(
              copy("NK1.2.1.1"),
              copy("NK1.2.2"),
              copy("NK1.2.7"),
              copy("NK1.3.1"),
              copy("NK1.4.1.1"),
              copy("NK1.4.2"),
              copy("NK1.4.7"),
              copy("NK1.5.1")));

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    DIRECT.map(in, out, audit);
  }
}
