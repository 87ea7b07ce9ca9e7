package io.integrationhub.hl7.validation;

/** Fictional test messages written for this project. */
public final class Messages {

  private Messages() {}

  /** A v2.5 ADT^A31 header with MSH-9 and MSH-12 as given. */
  public static String msh(String type, String version) {
    return "MSH|^~\\&|252|252|100|100|20250505232332||" + type + "|CTRL0001|P|" + version;
  }

  /** A valid v2.5 ADT^A31 for the phw schemas, segments joined by CR. */
  public static final String PHW_A31 =
      String.join(
          "\r",
          msh("ADT^A31^ADT_A05", "2.5"),
          "EVN||20250502092900",
          "PID|||8888888^^^252^PI~4444444444^^^NHS^NH||TESTER^TEST^^^MR||19900101|F",
          "PD1|||SURGERY^^W00000",
          "PV1||U");

  /** A valid v2.5 merge. */
  public static final String PHW_A40 =
      String.join(
          "\r",
          msh("ADT^A40^ADT_A39", "2.5"),
          "EVN||20250502092900",
          "PID|||111^^^252^PI||TESTER^TEST",
          "MRG|222^^^252^PI");

  /** Joins segments with CR. */
  public static String of(String... segments) {
    return String.join("\r", segments);
  }
}
