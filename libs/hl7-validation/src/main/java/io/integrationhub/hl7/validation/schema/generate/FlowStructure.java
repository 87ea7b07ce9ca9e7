package io.integrationhub.hl7.validation.schema.generate;

import java.util.function.UnaryOperator;

/**
 * One structure file of a flow: structure {@code name}, built from HAPI's standard structure {@code
 * basedOn} of the flow's version by applying {@code customisation} (identity when the flow uses the
 * standard structure).
 */
record FlowStructure(String name, String basedOn, UnaryOperator<StructureDef> customisation) {

  /** The standard structure {@code name}, unchanged. */
  static FlowStructure standard(String name) {
    return new FlowStructure(name, name, UnaryOperator.identity());
  }

  /** Structure {@code name}: the standard structure {@code basedOn} with an edit applied. */
  static FlowStructure customised(
      String name, String basedOn, UnaryOperator<StructureDef> customisation) {
    return new FlowStructure(name, basedOn, customisation);
  }

  /** The file name, e.g. {@code ADT_A05.xsd}. */
  String fileName() {
    return StructureSchemaRenderer.fileName(name);
  }

  /** Reads the standard structure from HAPI and applies the customisation. */
  StructureDef build(Hl7Version version) {
    StructureDef built = customisation.apply(HapiStructureReader.read(version, basedOn));
    if (!built.name().equals(name)) {
      throw new IllegalStateException("Structure " + name + " was built as " + built.name());
    }
    return built;
  }
}
