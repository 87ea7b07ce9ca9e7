package io.integrationhub.hl7.validation.schema.generate;

/**
 * One child of a message structure or group: a segment (by segment name, e.g. {@code ROL}) or a
 * group (by its short name, e.g. {@code PROCEDURE}), with its occurrences.
 */
record ChildRef(String name, boolean group, Occurs occurs) {

  static ChildRef segment(String name, Occurs occurs) {
    return new ChildRef(name, false, occurs);
  }

  static ChildRef group(String name, Occurs occurs) {
    return new ChildRef(name, true, occurs);
  }

  ChildRef withOccurs(Occurs newOccurs) {
    return new ChildRef(name, group, newOccurs);
  }
}
