package io.integrationhub.hl7.validation.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The global declarations of a set of XSD documents (a structure file and everything it includes),
 * read into the model the converter uses: data types, segments, and message/group sequences.
 * Handles the reference hub's schema style: global elements referenced from sequences, named
 * complex types, and simple/complex content extensions for components.
 */
final class XsdDeclarations {

  static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";

  private final Map<String, String> elementTypes = new HashMap<>();
  private final Map<String, Element> complexTypes = new HashMap<>();
  private final Map<String, Element> simpleTypes = new HashMap<>();
  private final Map<String, DataType> dataTypes = new HashMap<>();
  private Map<String, SegmentDefinition> segments;

  void add(Document document) {
    for (Element child : children(document.getDocumentElement())) {
      String name = child.getAttribute("name");
      switch (child.getLocalName()) {
        case "element" -> elementTypes.put(name, localName(child.getAttribute("type")));
        case "complexType" -> complexTypes.put(name, child);
        case "simpleType" -> {
          simpleTypes.put(name, child);
          dataTypes.put(name, new DataType(name));
        }
        default -> {
          // include, import, annotation: handled elsewhere or irrelevant
        }
      }
    }
  }

  /** Whether a global element with this name is declared. */
  boolean declares(String element) {
    return elementTypes.containsKey(element);
  }

  /** The sequence of a global element's complex type (a message root or group). */
  List<Particle> sequenceOf(String element) {
    Element type = complexTypes.get(elementTypes.get(element));
    List<Particle> particles = new ArrayList<>();
    Element sequence = type == null ? null : child(type, "sequence");
    if (sequence != null) {
      for (Element ref : children(sequence)) {
        if ("element".equals(ref.getLocalName())) {
          particles.add(
              new Particle(
                  localName(ref.getAttribute("ref")),
                  occurs(ref.getAttribute("minOccurs")),
                  occurs(ref.getAttribute("maxOccurs"))));
        }
      }
    }
    return particles;
  }

  /** Every declared segment (a three-character element whose content is a field sequence). */
  synchronized Map<String, SegmentDefinition> segments() {
    if (segments == null) {
      Map<String, SegmentDefinition> found = new HashMap<>();
      elementTypes.forEach(
          (element, type) -> {
            if (element.length() == 3 && complexTypes.containsKey(type)) {
              found.put(element, segment(element));
            }
          });
      segments = Map.copyOf(found);
    }
    return segments;
  }

  /**
   * Whether every field's content below the field element is unconstrained: primitive types are
   * facet-less restrictions of {@code xsd:string}, composites are sequences of exactly-once
   * component elements, with no attributes. Then the converter's field content always conforms (it
   * emits every component once, in order, with text only in leaves) and validating it adds nothing,
   * which is what lets {@link StructureSchema} validate segments and fields only.
   */
  boolean fieldContentUnconstrained(Iterable<SegmentDefinition> segmentDefinitions) {
    Set<String> checked = new HashSet<>();
    for (SegmentDefinition segment : segmentDefinitions) {
      for (FieldDefinition field : segment.fields()) {
        if (!unconstrained(elementTypes.getOrDefault(field.element(), ""), checked)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean unconstrained(String typeName, Set<String> checked) {
    if (!checked.add(typeName) || "string".equals(typeName)) {
      return true;
    }
    Element complex = complexTypes.get(typeName);
    if (complex == null) {
      return simpleTypeUnconstrained(typeName, checked);
    }
    for (Element part : children(complex)) {
      boolean ok =
          switch (part.getLocalName()) {
            case "sequence" -> componentsExactlyOnce(part, checked);
            case "simpleContent", "complexContent" -> extensionUnconstrained(part, checked);
            case "annotation" -> true;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean componentsExactlyOnce(Element sequence, Set<String> checked) {
    for (Element particle : children(sequence)) {
      String ref = localName(particle.getAttribute("ref"));
      if (!"element".equals(particle.getLocalName())
          || ref.isEmpty()
          || occurs(particle.getAttribute("minOccurs")) != 1
          || occurs(particle.getAttribute("maxOccurs")) != 1
          || !unconstrained(elementTypes.getOrDefault(ref, ""), checked)) {
        return false;
      }
    }
    return true;
  }

  private boolean extensionUnconstrained(Element content, Set<String> checked) {
    Element extension = child(content, "extension");
    return extension != null
        && children(extension).isEmpty()
        && unconstrained(localName(extension.getAttribute("base")), checked);
  }

  private boolean simpleTypeUnconstrained(String typeName, Set<String> checked) {
    Element simple = simpleTypes.get(typeName);
    if (simple == null) {
      return false;
    }
    Element restriction = child(simple, "restriction");
    return restriction != null
        && children(restriction).isEmpty()
        && unconstrained(localName(restriction.getAttribute("base")), checked);
  }

  private SegmentDefinition segment(String name) {
    List<FieldDefinition> fields = new ArrayList<>();
    for (Particle particle : sequenceOf(name)) {
      String element = particle.name();
      int dot = element.lastIndexOf('.');
      int number = dot < 0 ? -1 : parseNumber(element.substring(dot + 1));
      if (number > 0) {
        fields.add(
            new FieldDefinition(
                element,
                number,
                particle.minOccurs(),
                particle.maxOccurs(),
                dataType(elementTypes.getOrDefault(element, ""))));
      }
    }
    return new SegmentDefinition(name, fields);
  }

  private DataType dataType(String typeName) {
    DataType known = dataTypes.get(typeName);
    if (known != null) {
      return known;
    }
    Element type = complexTypes.get(typeName);
    if (type == null) {
      DataType primitive = new DataType(typeName);
      dataTypes.put(typeName, primitive);
      return primitive;
    }
    Element sequence = child(type, "sequence");
    if (sequence == null) {
      DataType base = dataType(extensionBase(type));
      dataTypes.put(typeName, base);
      return base;
    }
    DataType composite = new DataType(typeName);
    dataTypes.put(typeName, composite);
    List<DataType.Component> components = new ArrayList<>();
    for (Element ref : children(sequence)) {
      String element = localName(ref.getAttribute("ref"));
      if (!element.isEmpty()) {
        components.add(
            new DataType.Component(element, dataType(elementTypes.getOrDefault(element, ""))));
      }
    }
    composite.components(components);
    return composite;
  }

  private static String extensionBase(Element type) {
    for (Element content : children(type)) {
      Element extension = child(content, "extension");
      if (extension == null) {
        extension = child(content, "restriction");
      }
      if (extension != null) {
        return localName(extension.getAttribute("base"));
      }
    }
    return "";
  }

  private static int occurs(String value) {
    if (value.isEmpty()) {
      return 1;
    }
    if ("unbounded".equals(value)) {
      return FieldDefinition.UNBOUNDED;
    }
    int number = parseNumber(value);
    return number < 0 ? 1 : number;
  }

  private static int parseNumber(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(text);
  }

  static String localName(String qualified) {
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.substring(colon + 1);
  }

  static Element child(Element parent, String localName) {
    for (Element child : children(parent)) {
      if (localName.equals(child.getLocalName())) {
        return child;
      }
    }
    return null;
  }

  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && XSD_NS.equals(element.getNamespaceURI())) {
        elements.add(element);
      }
    }
    return elements;
  }
}
