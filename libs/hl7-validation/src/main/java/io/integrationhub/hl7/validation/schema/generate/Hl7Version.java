package io.integrationhub.hl7.validation.schema.generate;

/** An HL7 v2 version the built-in schemas are generated for, with HAPI's and the files' naming. */
enum Hl7Version {
  V2_3_1("2.3.1"),
  V2_4("2.4"),
  V2_5("2.5"),
  V2_5_1("2.5.1");

  private final String id;

  Hl7Version(String id) {
    this.id = id;
  }

  /** The version as written in MSH-12, e.g. {@code 2.5.1}. */
  String id() {
    return id;
  }

  /** The prefix of the base schema files, e.g. {@code 2_5_1} for {@code 2_5_1_types.xsd}. */
  String filePrefix() {
    return id.replace('.', '_');
  }

  /** HAPI's model package of this version, e.g. {@code ca.uhn.hl7v2.model.v251}. */
  String hapiPackage() {
    return "ca.uhn.hl7v2.model.v" + id.replace(".", "");
  }

  /** The base file declaring the data types, e.g. {@code 2_5_types.xsd}. */
  String typesFile() {
    return filePrefix() + "_types.xsd";
  }

  /** The base file declaring one element per segment field, e.g. {@code 2_5_fields.xsd}. */
  String fieldsFile() {
    return filePrefix() + "_fields.xsd";
  }

  /** The base file declaring the segments, e.g. {@code 2_5_segments.xsd}. */
  String segmentsFile() {
    return filePrefix() + "_segments.xsd";
  }
}
