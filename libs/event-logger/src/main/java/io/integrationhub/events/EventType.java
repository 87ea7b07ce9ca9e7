package io.integrationhub.events;

/** What happened to a message (spec E2). The names are the reference hub's, used on dashboards. */
public enum EventType {
  /** A message entered processing. */
  MESSAGE_RECEIVED,
  /** Processing finished successfully. */
  MESSAGE_PROCESSED,
  /** The message was delivered downstream. */
  MESSAGE_SENT,
  /** Processing failed. */
  MESSAGE_FAILED,
  /** One validation stage passed. */
  VALIDATION_SUCCESS,
  /** One validation stage failed. */
  VALIDATION_FAILED
}
