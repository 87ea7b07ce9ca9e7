package io.integrationhub.hl7.validation.schema.generate;

import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Generates the three base schema files of an HL7 version from HAPI's model. */
final class BaseFiles {

  private static final Logger LOG = LoggerFactory.getLogger(BaseFiles.class);

  private BaseFiles() {}

  /** File name to text: {@code <prefix>_types.xsd}, {@code _fields.xsd}, {@code _segments.xsd}. */
  static Map<String, String> generate(Hl7Version version) {
    long start = System.nanoTime();
    VersionDef definition = HapiVersionReader.read(version);
    Map<String, String> files = Collections.unmodifiableMap(BaseSchemaRenderer.render(definition));
    LOG.info(
        "Generated the HL7 v{} base schemas ({} segments, {} data types) in {} ms",
        version.id(),
        definition.segments().size(),
        definition.dataTypes().size(),
        (System.nanoTime() - start) / 1_000_000);
    return files;
  }
}
