package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;

/** EVN (spec §5.4), only when the inbound message has one. */
final class EvnMapper implements Mapper {

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    if (!in.has("EVN")) {
      return;
    }
    out.set("EVN.1", in.value("EVN.1"));
    out.set("EVN.2.1", PimsDateTimes.removeTimezone(in.value("EVN.2.1"), "EVN.2.1"));
    out.set("EVN.6.1", PimsDateTimes.removeTimezone(in.value("EVN.6.1"), "EVN.6.1"));
  }
}
