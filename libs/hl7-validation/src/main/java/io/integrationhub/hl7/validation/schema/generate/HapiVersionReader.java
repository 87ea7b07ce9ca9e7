package io.integrationhub.hl7.validation.schema.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads everything one HL7 version's base schemas declare from HAPI's model: the segments of {@link
 * SegmentCatalog} with their fields, and the data types those fields use.
 */
final class HapiVersionReader {

  private HapiVersionReader() {}

  static VersionDef read(Hl7Version version) {
    HapiDataTypes dataTypes = new HapiDataTypes(version);
    HapiSegmentReader segmentReader = new HapiSegmentReader(version, dataTypes);
    List<SegmentDef> segments = new ArrayList<>();
    for (String segment : SegmentCatalog.segmentNames(version)) {
      segments.add(segmentReader.read(segment));
    }
    return new VersionDef(version, segments, dataTypes.definitions());
  }
}
