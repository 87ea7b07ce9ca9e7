package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;

/** PD1 (spec §5.6): GP and practice codes, only for an inbound A04/A08 with a PD1. */
final class Pd1Mapper implements Mapper {

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    if (!in.has("PD1") || !PimsTrigger.registrationOrUpdate(in)) {
      return;
    }
    out.set("PD1.4.1", in.value("PD1.4[1].1"));
    if (in.repetitions("PD1", 1, 4).size() > 1) {
      out.set("PD1.3.3", in.value("PD1.4[2].1"));
    }
  }
}
