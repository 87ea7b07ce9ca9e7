package io.integrationhub.hl7.validation.schema.generate;

import java.util.List;
import javax.xml.namespace.QName;
import org.apache.ws.commons.schema.XmlSchema;
import org.apache.ws.commons.schema.XmlSchemaCollection;
import org.apache.ws.commons.schema.XmlSchemaComplexContent;
import org.apache.ws.commons.schema.XmlSchemaComplexContentExtension;
import org.apache.ws.commons.schema.XmlSchemaComplexType;
import org.apache.ws.commons.schema.XmlSchemaContentModel;
import org.apache.ws.commons.schema.XmlSchemaElement;
import org.apache.ws.commons.schema.XmlSchemaForm;
import org.apache.ws.commons.schema.XmlSchemaInclude;
import org.apache.ws.commons.schema.XmlSchemaSequence;
import org.apache.ws.commons.schema.XmlSchemaSimpleContent;
import org.apache.ws.commons.schema.XmlSchemaSimpleContentExtension;
import org.apache.ws.commons.schema.XmlSchemaSimpleType;
import org.apache.ws.commons.schema.XmlSchemaSimpleTypeRestriction;
import org.apache.ws.commons.schema.constants.Constants;
import org.apache.ws.commons.schema.utils.NamespaceMap;

/**
 * Builds one schema document of the {@code urn:hl7-org:v2xml} namespace with xmlschema-core, in the
 * reference's style: default namespace = target namespace, {@code xsd} prefix, top-level items in
 * the order they are added, no annotations and no {@code elementFormDefault}/{@code
 * attributeFormDefault} attributes. Not thread-safe: one instance per document.
 */
final class XsdBuilder {

  /** The HL7 v2 XML encoding namespace (v2.xml). */
  static final String NAMESPACE = "urn:hl7-org:v2xml";

  private final XmlSchema schema;

  /** Starts the document that will be written as {@code fileName}. */
  XsdBuilder(String fileName) {
    schema = new XmlSchema(NAMESPACE, fileName, new XmlSchemaCollection());
    NamespaceMap namespaces = new NamespaceMap();
    namespaces.add("", NAMESPACE);
    namespaces.add("xsd", Constants.URI_2001_SCHEMA_XSD);
    schema.setNamespaceContext(namespaces);
    schema.setElementFormDefault(XmlSchemaForm.NONE);
    schema.setAttributeFormDefault(XmlSchemaForm.NONE);
  }

  /** {@code <xsd:include schemaLocation="location"/>}. */
  XsdBuilder include(String location) {
    new XmlSchemaInclude(schema).setSchemaLocation(location);
    return this;
  }

  /** A primitive: {@code <xsd:simpleType name>} restricting {@code xsd:string} without facets. */
  XsdBuilder stringType(String name) {
    XmlSchemaSimpleType type = new XmlSchemaSimpleType(schema, true);
    type.setName(name);
    XmlSchemaSimpleTypeRestriction restriction = new XmlSchemaSimpleTypeRestriction();
    restriction.setBaseTypeName(Constants.XSD_STRING);
    type.setContent(restriction);
    return this;
  }

  /** {@code <xsd:complexType name>} with an {@code xsd:sequence} of element references. */
  XsdBuilder sequenceType(String name, List<ElementRef> refs) {
    XmlSchemaComplexType type = new XmlSchemaComplexType(schema, true);
    type.setName(name);
    XmlSchemaSequence sequence = new XmlSchemaSequence();
    for (ElementRef ref : refs) {
      XmlSchemaElement element = new XmlSchemaElement(schema, false);
      element.getRef().setTargetQName(qname(ref.name()));
      element.setMinOccurs(ref.occurs().min());
      element.setMaxOccurs(ref.occurs().max());
      sequence.getItems().add(element);
    }
    type.setParticle(sequence);
    return this;
  }

  /** {@code <xsd:complexType name>} whose simple content extends the primitive {@code base}. */
  XsdBuilder simpleContentType(String name, String base) {
    XmlSchemaSimpleContentExtension extension = new XmlSchemaSimpleContentExtension();
    extension.setBaseTypeName(qname(base));
    XmlSchemaSimpleContent content = new XmlSchemaSimpleContent();
    content.setContent(extension);
    return complexType(name, content);
  }

  /** {@code <xsd:complexType name>} whose complex content extends the composite {@code base}. */
  XsdBuilder complexContentType(String name, String base) {
    XmlSchemaComplexContentExtension extension = new XmlSchemaComplexContentExtension();
    extension.setBaseTypeName(qname(base));
    XmlSchemaComplexContent content = new XmlSchemaComplexContent();
    content.setContent(extension);
    return complexType(name, content);
  }

  private XsdBuilder complexType(String name, XmlSchemaContentModel content) {
    XmlSchemaComplexType type = new XmlSchemaComplexType(schema, true);
    type.setName(name);
    type.setContentModel(content);
    return this;
  }

  /** A global {@code <xsd:element name type>}. */
  XsdBuilder element(String name, String type) {
    XmlSchemaElement element = new XmlSchemaElement(schema, true);
    element.setName(name);
    element.setSchemaTypeName(qname(type));
    return this;
  }

  /** The document's text (see {@link XsdWriter}). */
  String write() {
    return XsdWriter.write(schema);
  }

  private static QName qname(String localName) {
    return new QName(NAMESPACE, localName);
  }

  /** A reference to a global element from a sequence, with its occurrences. */
  record ElementRef(String name, Occurs occurs) {}
}
