package io.integrationhub.hl7.ack;

/** HL7 table 0516 error severity (ERR-4). */
public enum ErrorSeverity {
  ERROR("E"),
  WARNING("W"),
  INFORMATION("I");

  private final String code;

  ErrorSeverity(String code) {
    this.code = code;
  }

  /** The code written in ERR-4: {@code E}, {@code W} or {@code I}. */
  public String code() {
    return code;
  }
}
