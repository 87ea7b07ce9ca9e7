package io.integrationhub.hl7.validation.schema.generate;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The top-level declarations of one XSD document of the v2.xml shape, read with DOM, for assertions
 * and for comparing with the reference files.
 */
record XsdDocument(
    String targetNamespace,
    List<String> includes,
    Map<String, Integer> simpleTypeChildCounts,
    Map<String, List<Ref>> sequences,
    Map<String, Extension> extensions,
    Map<String, String> elements) {

  static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** An element reference in a sequence, with the attributes as written (defaults filled in). */
  record Ref(String name, String minOccurs, String maxOccurs) {
    @Override
    public String toString() {
      return name + "[" + minOccurs + ".." + maxOccurs + "]";
    }
  }

  /** A complex type's {@code simpleContent} or {@code complexContent} extension. */
  record Extension(String kind, String base) {}

  static XsdDocument parse(String text) {
    Element schema = parseDom(text).getDocumentElement();
    List<String> includes = new ArrayList<>();
    Map<String, Integer> simpleTypes = new LinkedHashMap<>();
    Map<String, List<Ref>> sequences = new LinkedHashMap<>();
    Map<String, Extension> extensions = new LinkedHashMap<>();
    Map<String, String> elements = new LinkedHashMap<>();
    for (Element item : children(schema)) {
      String name = item.getAttribute("name");
      switch (item.getLocalName()) {
        case "include" -> includes.add(item.getAttribute("schemaLocation"));
        case "simpleType" -> simpleTypes.put(name, facetCount(item));
        case "element" -> elements.put(name, item.getAttribute("type"));
        case "complexType" -> {
          Element content = children(item).get(0);
          switch (content.getLocalName()) {
            case "sequence" -> sequences.put(name, refs(content));
            case "simpleContent", "complexContent" ->
                extensions.put(
                    name,
                    new Extension(
                        content.getLocalName(), children(content).get(0).getAttribute("base")));
            default -> throw new IllegalArgumentException("Unexpected " + content.getLocalName());
          }
        }
        default -> throw new IllegalArgumentException("Unexpected " + item.getLocalName());
      }
    }
    return new XsdDocument(
        schema.getAttribute("targetNamespace"),
        includes,
        simpleTypes,
        sequences,
        extensions,
        elements);
  }

  /** The names of the declared segments ({@code <SEG>.CONTENT} types of a segments file). */
  Set<String> contentOwners() {
    Set<String> owners = new LinkedHashSet<>();
    sequences.keySet().stream()
        .filter(type -> type.endsWith(".CONTENT"))
        .forEach(type -> owners.add(type.substring(0, type.length() - ".CONTENT".length())));
    return owners;
  }

  /** The sequence of {@code <name>.CONTENT}. */
  List<Ref> content(String name) {
    List<Ref> refs = sequences.get(name + ".CONTENT");
    if (refs == null) {
      throw new IllegalArgumentException("No " + name + ".CONTENT");
    }
    return refs;
  }

  private static int facetCount(Element simpleType) {
    Element restriction = children(simpleType).get(0);
    if (!restriction.getLocalName().equals("restriction")
        || !restriction.getAttribute("base").equals("xsd:string")) {
      throw new IllegalArgumentException(
          "Unexpected simple type " + simpleType.getAttribute("name"));
    }
    return children(restriction).size();
  }

  private static List<Ref> refs(Element sequence) {
    List<Ref> refs = new ArrayList<>();
    for (Element element : children(sequence)) {
      refs.add(
          new Ref(
              element.getAttribute("ref"),
              attribute(element, "minOccurs", "1"),
              attribute(element, "maxOccurs", "1")));
    }
    return refs;
  }

  private static String attribute(Element element, String name, String defaultValue) {
    return element.hasAttribute(name) ? element.getAttribute(name) : defaultValue;
  }

  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element) {
        if (!XSD.equals(element.getNamespaceURI())) {
          throw new IllegalArgumentException("Not an XSD element: " + element.getTagName());
        }
        children.add(element);
      }
    }
    return children;
  }

  static Document parseDom(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("Not XML: " + e.getMessage(), e);
    }
  }
}
