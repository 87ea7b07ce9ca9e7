package io.integrationhub.bench;

/** A cheap check that a reply is a positive ACK for the control id sent (no HL7 parse). */
final class AckCheck {
  private AckCheck() {}

  static boolean acknowledges(String reply, String controlId) {
    int msa = reply.indexOf("MSA|");
    if (msa < 0) {
      return false;
    }
    int codeEnd = reply.indexOf('|', msa + 4);
    if (codeEnd < 0) {
      return false;
    }
    String code = reply.substring(msa + 4, codeEnd);
    int idEnd = codeEnd + 1;
    while (idEnd < reply.length() && reply.charAt(idEnd) != '|' && reply.charAt(idEnd) != '\r') {
      idEnd++;
    }
    return ("AA".equals(code) || "CA".equals(code))
        && reply.substring(codeEnd + 1, idEnd).equals(controlId);
  }
}
