package io.integrationhub.hl7.validation;

/** Why a message failed validation. */
public enum FailureKind {
  /** Not a well-formed ER7 message (no MSH, bad delimiters, LF separators, empty segment...). */
  MALFORMED,
  /** MSH-9 does not name a structure (no trigger and no structure). */
  UNKNOWN_STRUCTURE,
  /** The flow has no schema for the message's structure (the reference's "No XSD mapping"). */
  NO_SCHEMA,
  /** The message does not conform to the schema (segments, unknown segment, characters). */
  INVALID,
  /** The message's HL7 version is not the one standard validation is configured for. */
  WRONG_VERSION,
  /** The flow's schema files cannot be read or compiled: an installation problem. */
  SCHEMA_ERROR,
  /** An unexpected error inside the library (a defect); the message is treated as invalid. */
  INTERNAL
}
