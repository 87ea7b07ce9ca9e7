package io.integrationhub.hl7;

/** Fictional test messages (made-up patients and identifiers), segments terminated by CR. */
public final class TestMessages {

  private TestMessages() {}

  /** Joins segments, each terminated by CR. */
  public static String er7(String... segments) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      out.append(segment).append('\r');
    }
    return out.toString();
  }

  /** v2.3.1 A31 without MSH-9.3. */
  public static final String V231_A31 =
      er7(
          "MSH|^~\\&|TESTAPP|TESTFAC|HUB|HUBFAC|20240102030405||ADT^A31|V231-1|P|2.3.1",
          "EVN|A31|20240102030405",
          "PID|1||T1000001^^^TESTHOSP^MR||Testperson^Alys^^^Ms||19800101|F",
          "PV1|1|N");

  /** v2.4 A28 with MSH-9.3. */
  public static final String V24_A28 =
      er7(
          "MSH|^~\\&|TESTAPP|TESTFAC|HUB|HUBFAC|20240102030405||ADT^A28^ADT_A05|V24-1|T|2.4",
          "EVN|A28|20240102030405",
          "PID|1||T2000002^^^TESTHOSP^MR||Sampleton^Bryn||19751231|M",
          "PV1|1|N");

  /**
   * v2.5 A31 with two PID-3 repetitions, a sub-componented assigning authority, an unknown segment
   * {@code XXX} and a Z-segment {@code ZPD} between PID and PV1.
   */
  public static final String V25_A31 =
      er7(
          "MSH|^~\\&|TESTAPP^1.2.3^ISO|TESTFAC|HUB|HUBFAC|20240102030405||ADT^A31^ADT_A05"
              + "|V25-1|P|2.5^GBR|||||GBR||EN",
          "EVN|A31|20240102030405",
          "PID|1||T3000003^^^TESTHOSP&1.2.3.4&ISO^MR~9990000018^^^NHS^NH||Exampleton^Cai^Dewi"
              + "||19900615|U",
          "XXX|unknown-1|unknown-2",
          "ZPD|z-one^z-two&z-sub|z-three",
          "PV1|1|N");

  /** v2.5.1 ORU with two OBR groups and three OBX segments. */
  public static final String V251_ORU =
      er7(
          "MSH|^~\\&|LAB|TESTLAB|HUB|HUBFAC|20240102030405||ORU^R01^ORU_R01|V251-1|P|2.5.1",
          "PID|1||T4000004^^^TESTHOSP^MR||Fakename^Eira",
          "OBR|1||ORD-1",
          "OBX|1|ST|CODE-A||first value",
          "OBX|2|ST|CODE-B||second value",
          "OBR|2||ORD-2",
          "OBX|1|ST|CODE-C||third value");

  /** v2.4 A40 merge (ADT_A39): two PATIENT groups, each with PID and MRG. */
  public static final String V24_A40 =
      er7(
          "MSH|^~\\&|PAS|TESTFAC|HUB|HUBFAC|20240102030405||ADT^A40^ADT_A39|V24-A40|P|2.4",
          "EVN|A40|20240102030405",
          "PID|1||T5000005^^^TESTHOSP^MR||Mergeford^Ffion",
          "MRG|T5000099^^^TESTHOSP^MR",
          "PID|2||T6000006^^^TESTHOSP^MR||Joinwell^Gethin",
          "MRG|T6000099^^^TESTHOSP^MR");
}
