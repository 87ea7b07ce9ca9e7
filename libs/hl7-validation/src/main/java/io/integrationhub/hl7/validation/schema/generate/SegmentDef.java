package io.integrationhub.hl7.validation.schema.generate;

import java.util.List;

/** A segment and its fields in field-number order ({@code Hxx}/{@code Zxx} have none). */
record SegmentDef(String name, List<FieldDef> fields) {

  SegmentDef {
    fields = List.copyOf(fields);
  }
}
