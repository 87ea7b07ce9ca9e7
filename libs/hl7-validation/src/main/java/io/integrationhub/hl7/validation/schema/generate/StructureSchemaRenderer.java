package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.generate.XsdBuilder.ElementRef;
import java.util.List;

/**
 * Renders a message structure file {@code <STRUCTURE>.xsd}: includes the version's segments file;
 * {@code <STRUCTURE>.CONTENT} with the root's children and element {@code <STRUCTURE>}, then per
 * group {@code <STRUCTURE>.<GROUP>.CONTENT} and element {@code <STRUCTURE>.<GROUP>}.
 */
final class StructureSchemaRenderer {

  private StructureSchemaRenderer() {}

  /** The file name of a structure, e.g. {@code ADT_A05.xsd}. */
  static String fileName(String structure) {
    return structure + ".xsd";
  }

  static String render(Hl7Version version, StructureDef structure) {
    XsdBuilder xsd = new XsdBuilder(fileName(structure.name())).include(version.segmentsFile());
    declare(xsd, structure, structure.name(), structure.children());
    for (GroupDef group : structure.groups()) {
      declare(xsd, structure, structure.groupElementName(group.name()), group.children());
    }
    return xsd.write();
  }

  private static void declare(
      XsdBuilder xsd, StructureDef structure, String element, List<ChildRef> children) {
    List<ElementRef> refs =
        children.stream()
            .map(child -> new ElementRef(structure.elementName(child), child.occurs()))
            .toList();
    String content = element + ".CONTENT";
    xsd.sequenceType(content, refs).element(element, content);
  }
}
