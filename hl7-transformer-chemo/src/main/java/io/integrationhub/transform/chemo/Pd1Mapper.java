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
 * PD1 (spec §4.5), first occurrence: PD1.3 (XON .1 .3 .4 .5 .7 .9, HD.1 of .6 and .8) and PD1.4
 * (XCN .1 .3 .4 .6, FN.1 of .2), first repetition; everything else is dropped.
 */
public final class Pd1Mapper implements Mapper {

  private static final Mapper DIRECT =
      Mappings.all(
          List.of(
              copy("PD1.3.1"),
              copy("PD1.3.3"),
              copy("PD1.3.4"),
              copy("PD1.3.5"),
              copy("PD1.3.6.1"),
              copy("PD1.3.7"),
              copy("PD1.3.8.1"),
              copy("PD1.3.9"),
              copy("PD1.4.1"),
              copy("PD1.4.2.1"),
              copy("PD1.4.3"),
              copy("PD1.4.4"),
              copy("PD1.4.6")));

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    DIRECT.map(in, out, audit);
  }
}
