package io.integrationhub.hl7.ack;

import java.util.Optional;

/** HL7 table 0008 acknowledgment codes (MSA-1). */
public enum AckCode {
  /** Original mode: application accept. */
  AA,
  /** Original mode: application error. */
  AE,
  /** Original mode: application reject. */
  AR,
  /** Enhanced mode: commit accept. */
  CA,
  /** Enhanced mode: commit error. */
  CE,
  /** Enhanced mode: commit reject. */
  CR;

  /** Whether the message was accepted: {@link #AA} or {@link #CA}. */
  public boolean isPositive() {
    return this == AA || this == CA;
  }

  /**
   * The code written exactly as {@code code} (case-sensitive, not trimmed), or empty for anything
   * else, including {@code null}.
   */
  public static Optional<AckCode> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (AckCode value : values()) {
      if (value.name().equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
