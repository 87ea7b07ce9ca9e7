package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** MSH (spec §5.3). */
final class MshMapper implements Mapper {

  private static final DateTimeFormatter CREATION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Clock clock;

  MshMapper(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    String[] type = PimsTrigger.outputType(in);
    String controlId = in.value("MSH.10");
    String processingId = in.value("MSH.11");
    if (controlId.isEmpty()) {
      throw new TransformException("MSH.10 (message control ID) is empty");
    }
    if (processingId.isEmpty()) {
      throw new TransformException("MSH.11 (processing ID) is empty");
    }
    out.set("MSH.3.1", "103");
    out.set("MSH.4.1", "103");
    out.set("MSH.5.1", "200");
    out.set("MSH.6.1", "200");
    String time = PimsDateTimes.removeTimezone(in.value("MSH.7.1"), "MSH.7.1");
    out.set("MSH.7.1", time.isEmpty() ? LocalDateTime.now(clock).format(CREATION_TIME) : time);
    out.set("MSH.8", in.value("MSH.8"));
    out.set("MSH.9.1", "ADT");
    out.set("MSH.9.2", type[0]);
    out.set("MSH.9.3", type[1]);
    out.set("MSH.10", controlId);
    out.set("MSH.11", processingId);
    out.set("MSH.12.1", "2.5");
    out.set("MSH.13", in.value("MSH.13"));
    out.set("MSH.17", "GBR");
    out.set("MSH.19.1", "EN");
  }
}
