package io.integrationhub.hl7.validation.schema.generate;

import java.util.List;

/** A group of a message structure: its short name (e.g. {@code PROCEDURE}) and its children. */
record GroupDef(String name, List<ChildRef> children) {

  GroupDef {
    children = List.copyOf(children);
  }
}
