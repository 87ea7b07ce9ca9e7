package io.integrationhub.hl7.validation.schema.generate;

import java.util.List;

/** Everything the base schema files of one HL7 version declare: its segments and data types. */
record VersionDef(Hl7Version version, List<SegmentDef> segments, List<DataTypeDef> dataTypes) {

  VersionDef {
    segments = List.copyOf(segments);
    dataTypes = List.copyOf(dataTypes);
  }
}
