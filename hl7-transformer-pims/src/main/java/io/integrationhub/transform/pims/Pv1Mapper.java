package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;

/** PV1 (spec §5.7): {@code PV1||N} for an inbound A04/A08, whatever the inbound PV1. */
final class Pv1Mapper implements Mapper {

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit) {
    if (PimsTrigger.registrationOrUpdate(in)) {
      out.set("PV1.2", "N");
    }
  }
}
