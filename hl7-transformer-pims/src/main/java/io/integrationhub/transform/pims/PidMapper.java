package io.integrationhub.transform.pims;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PID (spec §5.5), only when the inbound message has one. */
final class PidMapper implements Mapper {

  /** HL7 explicit null: "clear the date of death". */
  static final String HL7_NULL = "\"\"";

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    if (!in.has("PID")) {
      return;
    }
    mapIdentifiers(in, out);
    for (String path : List.of("PID.5.1.1", "PID.5.2", "PID.5.3", "PID.5.4", "PID.5.5")) {
      out.set(path, in.value(path));
    }
    out.set("PID.7.1", PimsDateTimes.removeTimezone(in.value("PID.7.1"), "PID.7.1"));
    out.set("PID.8", in.value("PID.8"));
    // Defect M1: the reference crashes when PID.11.1 is empty or absent; copy only when valued.
    for (String path : List.of("PID.11.1", "PID.11.2", "PID.11.3", "PID.11.4", "PID.11.5")) {
      out.set(path, in.value(path));
    }
    List<String> phones = new ArrayList<>();
    for (int rep = 1; rep <= in.repetitions("PID", 1, 13).size(); rep++) {
      phones.add(in.value("PID.13[" + rep + "].1"));
    }
    out.setRepetitions("PID", 1, 13, phones);
    out.set("PID.14.1", in.value("PID.14.1"));
    out.set("PID.29.1", dateOfDeath(in.value("PID.29.1")));
  }

  /** PID.3: NHS number from repetition 1 (CX.5 NI), PIMS number from repetition 2 (CX.5 PI). */
  private static void mapIdentifiers(InboundMessage in, MessageBuilder out) {
    int rep = 1;
    if (identifier(in, 1, "NI")) {
      out.set("PID.3[" + rep + "].1", in.value("PID.3[1].1").strip());
      out.set("PID.3[" + rep + "].4.1", "NHS");
      out.set("PID.3[" + rep + "].5", "NH");
      rep++;
    }
    if (identifier(in, 2, "PI")) {
      out.set("PID.3[" + rep + "].1", in.value("PID.3[2].1").strip());
      out.set("PID.3[" + rep + "].4.1", "103");
      out.set("PID.3[" + rep + "].5", "PI");
    }
  }

  private static boolean identifier(InboundMessage in, int rep, String type) {
    return !in.value("PID.3[" + rep + "].1").isBlank()
        && type.equals(in.value("PID.3[" + rep + "].5").strip().toUpperCase(Locale.ROOT));
  }

  /**
   * PID.29.1: values longer than 6 characters lose their timezone (and must then be a date or date
   * time); anything of 6 characters or fewer, including empty, becomes the HL7 null.
   */
  static String dateOfDeath(String value) throws TransformException {
    if (value.length() > 6) {
      return PimsDateTimes.removeTimezone(value, "PID.29.1");
    }
    return HL7_NULL;
  }
}
