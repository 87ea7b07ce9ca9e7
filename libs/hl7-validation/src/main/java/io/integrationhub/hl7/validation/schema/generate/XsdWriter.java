package io.integrationhub.hl7.validation.schema.generate;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ws.commons.schema.XmlSchema;
import org.apache.ws.commons.schema.XmlSchemaSerializer;
import org.w3c.dom.Document;

/**
 * Writes an xmlschema-core schema as text: UTF-8 declaration, elements indented by 4 spaces, LF
 * line ends, ending with a newline.
 *
 * <p>{@link XmlSchema#write(java.io.Writer, java.util.Map)} is not used directly: it uses whichever
 * {@link TransformerFactory} is on the class path, and the JDK's transformer then writes {@code
 * standalone="no"} and platform line ends. Instead the schema is serialised to DOM with
 * xmlschema-core's {@link XmlSchemaSerializer} and transformed with the JDK's own transformer
 * (secure processing on), omitting its declaration and writing a fixed one.
 */
final class XsdWriter {

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String INDENT_AMOUNT = "{http://xml.apache.org/xslt}indent-amount";

  private XsdWriter() {}

  static String write(XmlSchema schema) {
    try {
      Document[] documents = new XmlSchemaSerializer().serializeSchema(schema, false);
      TransformerFactory factory = TransformerFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(INDENT_AMOUNT, "4");
      StringWriter text = new StringWriter();
      transformer.transform(new DOMSource(documents[0]), new StreamResult(text));
      String body = text.toString().replace("\r\n", "\n").strip();
      return DECLARATION + body + "\n";
    } catch (XmlSchemaSerializer.XmlSchemaSerializerException | TransformerException e) {
      throw new IllegalStateException("Cannot write schema " + schema.getSourceURI(), e);
    }
  }
}
