package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;

/** MRG (spec §5.8): the prior PIMS number, only for a merge (A40) with an MRG. */
final class MrgMapper implements Mapper {

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    if (!in.has("MRG") || !PimsTrigger.merge(in)) {
      return;
    }
    out.set("MRG.1.1", in.value("MRG.1.1"));
    out.set("MRG.1.4.1", "103");
    out.set("MRG.1.5", "PI");
  }
}
