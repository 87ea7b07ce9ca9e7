package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.SchemaSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * Compiles a flow's XSD files with JAXP (secure processing on), resolving {@code xsd:include}s from
 * the same {@link SchemaSource} and nowhere else, and validates XML with them.
 */
final class JaxpSchemas {

  private JaxpSchemas() {}

  /** Compiles {@code fileName} of {@code flow}; fails when it or an include is not valid XSD. */
  static Schema compile(SchemaSource source, String flow, String fileName) throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    DOMImplementationLS ls = domImplementationLs();
    factory.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          String name = systemId.substring(systemId.lastIndexOf('/') + 1);
          LSInput input = ls.createLSInput();
          input.setCharacterStream(new StringReader(read(source, flow, name)));
          input.setSystemId(systemId(flow, name));
          input.setBaseURI(baseUri);
          return input;
        });
    StreamSource schema =
        new StreamSource(new StringReader(read(source, flow, fileName)), systemId(flow, fileName));
    return factory.newSchema(schema);
  }

  /** Validates {@code xml} against {@code schema}; throws on the first error. */
  static void validate(Schema schema, String xml) throws SAXException, IOException {
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static String systemId(String flow, String fileName) {
    return URI.create("memory:/" + flow + "/" + fileName).toString();
  }

  private static String read(SchemaSource source, String flow, String fileName) {
    try {
      return source.read(flow, fileName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DOMImplementationLS domImplementationLs() {
    try {
      return (DOMImplementationLS)
          DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
