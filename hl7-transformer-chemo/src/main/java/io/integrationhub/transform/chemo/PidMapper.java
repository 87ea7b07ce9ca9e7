package io.integrationhub.transform.chemo;

import static io.integrationhub.transform.Mappings.copy;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.Mappings;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PID (spec §4.4), first occurrence, only when the input has a PID. PID.3 is rebuilt from the NHS
 * number in PID.2.1: {@code nhs^^^NHS^NH ~ prefix+nhs^^^app^PI}, where {@code app} is the inbound
 * MSH.3.1 and the prefix comes from the health-board table ({@code 224} VCC, {@code 212} BCUCC,
 * {@code 192} SWWCC, {@code 245} SEWCC). The inbound PID.2 and PID.3 are not copied.
 *
 * <p>Deliberate differences from the reference (§4.7): the PID is emitted whenever the input has
 * one (C1); only PID.2.1 is the NHS number, never the whole PID.2 text (C2), and only MSH.3.1 is
 * the sending application, never the whole MSH.3 text; the NHS number is trimmed and an HL7 null
 * {@code ""} counts as no NHS number (C3); copied values keep their text (no loss of leading zeros,
 * §2.6).
 */
public final class PidMapper implements Mapper {

  /** PID.3[2] prefix by inbound MSH.3.1 (health board). */
  static final Map<String, String> PREFIXES =
      Map.of("224", "VCC", "212", "BCUCC", "192", "SWWCC", "245", "SEWCC");

  private static final Mapper DIRECT =
      Mappings.all(
          List.of(
              copy("PID.1"),
              copy("PID.5.1.1"),
              copy("PID.5.2"),
              copy("PID.5.3"),
              copy("PID.5.4"),
              copy("PID.5.5"),
              copy("PID.5.6"),
              copy("PID.5.7"),
              copy("PID.5.8"),
              copy("PID.5.9.1"),
              copy("PID.5.10"),
              copy("PID.5.11"),
              copy("PID.6.1.1"),
              copy("PID.7"),
              copy("PID.8"),
              copy("PID.9.1.1"),
              copy("PID.10.1"),
              copy("PID.11.1.1"),
              copy("PID.11.2"),
              copy("PID.11.3"),
              copy("PID.11.4"),
              copy("PID.11.5"),
              copy("PID.11.7"),
              copy("PID.11.8"),
              copy("PID.14.1"),
              copy("PID.14.2"),
              copy("PID.17.1"),
              copy("PID.22.1"),
              copy("PID.29.1"),
              copy("PID.32")));

  @Override
  public void map(InboundMessage in, MessageBuilder out, AuditTrail audit)
      throws TransformException {
    if (!in.has("PID")) {
      return;
    }
    String nhs = nhsNumber(in);
    String app = in.value("MSH.3.1");
    String prefix = PREFIXES.get(app);

    DIRECT.map(in, out, audit);
    out.set("PID.3[1].1", nhs);
    out.set("PID.3[1].4.1", "NHS");
    out.set("PID.3[1].5", "NH");
    if (!nhs.isEmpty() && prefix != null) {
      out.set("PID.3[2].1", prefix + nhs);
    }
    out.set("PID.3[2].4.1", app);
    out.set("PID.3[2].5", "PI");
    mapPhones(in, out);
  }

  /** PID.2.1, trimmed; empty for no value or the HL7 null. */
  static String nhsNumber(InboundMessage in) {
    String value = in.value("PID.2.1");
    return Values.isBlankOrNull(value) ? "" : value.strip();
  }

  /** PID.13: one output repetition per input repetition (empty ones too), XTN.1, .2 and .4. */
  private static void mapPhones(InboundMessage in, MessageBuilder out) {
    int count = in.repetitions("PID", 1, 13).size();
    List<String> phones = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      String base = "PID.13[" + n + "].";
      phones.add(
          String.join("^", in.value(base + "1"), in.value(base + "2"), "", in.value(base + "4")));
    }
    out.setRepetitions("PID", 1, 13, phones);
  }
}
