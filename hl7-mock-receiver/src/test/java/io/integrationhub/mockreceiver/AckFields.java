package io.integrationhub.mockreceiver;

/** Splits an unframed ACK into segments and fields for field-by-field assertions. */
record AckFields(String[] msh, String[] msa) {
  static AckFields of(String ack) {
    String[] segments = ack.split("\r");
    if (segments.length < 2) {
      throw new AssertionError("Not an ACK with MSH and MSA: " + ack.replace('\r', '/'));
    }
    return new AckFields(segments[0].split("\\|", -1), segments[1].split("\\|", -1));
  }

  /** MSH-n with HL7 numbering (MSH-1 is the field separator itself). */
  String msh(int field) {
    return field == 1 ? "|" : msh[field - 1];
  }

  String msa(int field) {
    return field < msa.length ? msa[field] : "";
  }
}
