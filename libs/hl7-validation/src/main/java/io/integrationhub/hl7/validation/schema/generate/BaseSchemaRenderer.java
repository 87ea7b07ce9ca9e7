package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.generate.XsdBuilder.ElementRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the three base files of a version:
 *
 * <ul>
 *   <li>{@code <prefix>_types.xsd}: a facet-less {@code xsd:string} simple type per primitive; per
 *       composite a complex type with a sequence of all its component elements (all mandatory), and
 *       per component {@code <TYPE>.<n>.CONTENT} (simple content extending the primitive, or
 *       complex content extending the composite) and element {@code <TYPE>.<n>};
 *   <li>{@code <prefix>_fields.xsd}: includes the types; one element {@code <SEG>.<n>} per field;
 *   <li>{@code <prefix>_segments.xsd}: includes the fields; per segment {@code <SEG>.CONTENT}, the
 *       sequence of its fields with their occurrences, and element {@code <SEG>}.
 * </ul>
 *
 * Everything is in name order (primitives, then composites; segments; fields by number).
 */
final class BaseSchemaRenderer {

  private BaseSchemaRenderer() {}

  /** The three files by name, in the order types, fields, segments. */
  static Map<String, String> render(VersionDef definition) {
    Hl7Version version = definition.version();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(version.typesFile(), types(definition));
    files.put(version.fieldsFile(), fields(definition));
    files.put(version.segmentsFile(), segments(definition));
    return files;
  }

  static String types(VersionDef definition) {
    XsdBuilder xsd = new XsdBuilder(definition.version().typesFile());
    Set<String> primitives =
        definition.dataTypes().stream()
            .filter(DataTypeDef::isPrimitive)
            .map(DataTypeDef::name)
            .collect(Collectors.toSet());
    for (String primitive : primitives.stream().sorted().toList()) {
      xsd.stringType(primitive);
    }
    for (DataTypeDef composite : definition.dataTypes()) {
      if (composite.isPrimitive()) {
        continue;
      }
      List<ElementRef> components = new ArrayList<>();
      for (int number = 1; number <= composite.components().size(); number++) {
        components.add(new ElementRef(composite.componentElement(number), Occurs.required()));
      }
      xsd.sequenceType(composite.name(), components);
      for (int number = 1; number <= composite.components().size(); number++) {
        String element = composite.componentElement(number);
        String content = element + ".CONTENT";
        String componentType = composite.components().get(number - 1);
        if (primitives.contains(componentType)) {
          xsd.simpleContentType(content, componentType);
        } else {
          xsd.complexContentType(content, componentType);
        }
        xsd.element(element, content);
      }
    }
    return xsd.write();
  }

  static String fields(VersionDef definition) {
    Hl7Version version = definition.version();
    XsdBuilder xsd = new XsdBuilder(version.fieldsFile()).include(version.typesFile());
    for (SegmentDef segment : definition.segments()) {
      for (FieldDef field : segment.fields()) {
        xsd.element(field.elementName(segment.name()), field.type());
      }
    }
    return xsd.write();
  }

  static String segments(VersionDef definition) {
    Hl7Version version = definition.version();
    XsdBuilder xsd = new XsdBuilder(version.segmentsFile()).include(version.fieldsFile());
    for (SegmentDef segment : definition.segments()) {
      List<ElementRef> fields =
          segment.fields().stream()
              .map(field -> new ElementRef(field.elementName(segment.name()), field.occurs()))
              .toList();
      String content = segment.name() + ".CONTENT";
      xsd.sequenceType(content, fields).element(segment.name(), content);
    }
    return xsd.write();
  }
}
