package io.integrationhub.hl7;

import java.util.Optional;

/** HL7 table 0357 "Message error condition codes" (v2.5), as written in ERR-3. */
public enum Hl7ErrorCode {
  MESSAGE_ACCEPTED(0, "Message accepted"),
  SEGMENT_SEQUENCE_ERROR(100, "Segment sequence error"),
  REQUIRED_FIELD_MISSING(101, "Required field missing"),
  DATA_TYPE_ERROR(102, "Data type error"),
  TABLE_VALUE_NOT_FOUND(103, "Table value not found"),
  UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
  UNSUPPORTED_EVENT_CODE(201, "Unsupported event code"),
  UNSUPPORTED_PROCESSING_ID(202, "Unsupported processing id"),
  UNSUPPORTED_VERSION_ID(203, "Unsupported version id"),
  UNKNOWN_KEY_IDENTIFIER(204, "Unknown key identifier"),
  DUPLICATE_KEY_IDENTIFIER(205, "Duplicate key identifier"),
  APPLICATION_RECORD_LOCKED(206, "Application record locked"),
  APPLICATION_INTERNAL_ERROR(207, "Application internal error");

  /** The coding system name written in ERR-3.3. */
  public static final String CODING_SYSTEM = "HL70357";

  private final int code;
  private final String description;

  Hl7ErrorCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The numeric code, e.g. {@code 101}. */
  public int code() {
    return code;
  }

  /** The table's text for the code, e.g. {@code Required field missing}. */
  public String description() {
    return description;
  }

  /** The constant for a numeric code, or empty when the code is not in table 0357. */
  public static Optional<Hl7ErrorCode> fromCode(int code) {
    for (Hl7ErrorCode value : values()) {
      if (value.code == code) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
