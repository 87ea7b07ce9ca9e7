package io.integrationhub.hl7.validation.xml;

import org.xml.sax.SAXException;

/**
 * Receives the converter's XML as element events in the HL7 v2 XML namespace. Implementations write
 * text, feed a JAXP validator, or both.
 */
public interface XmlSink {

  /** The HL7 v2 XML namespace. */
  String NAMESPACE = "urn:hl7-org:v2xml";

  /** The prefix the XML text uses, as the reference hub's ({@code ns0}). */
  String PREFIX = "ns0";

  /** Starts the document. */
  void startDocument() throws SAXException;

  /** Opens an element in the HL7 namespace. */
  void start(String name) throws SAXException;

  /** Text content of the open element (never empty). */
  void text(String text) throws SAXException;

  /** Closes the open element. */
  void end(String name) throws SAXException;

  /** Ends the document. */
  void endDocument() throws SAXException;

  /**
   * Whether this sink needs what is inside field elements (components and text); when not, the
   * converter sends field elements empty.
   */
  default boolean wantsFieldContent() {
    return true;
  }

  /** Both sinks receive every event, {@code first} first. */
  static XmlSink tee(XmlSink first, XmlSink second) {
    return new XmlSink() {
      @Override
      public void startDocument() throws SAXException {
        first.startDocument();
        second.startDocument();
      }

      @Override
      public void start(String name) throws SAXException {
        first.start(name);
        second.start(name);
      }

      @Override
      public void text(String text) throws SAXException {
        first.text(text);
        second.text(text);
      }

      @Override
      public void end(String name) throws SAXException {
        first.end(name);
        second.end(name);
      }

      @Override
      public void endDocument() throws SAXException {
        first.endDocument();
        second.endDocument();
      }

      @Override
      public boolean wantsFieldContent() {
        return first.wantsFieldContent() || second.wantsFieldContent();
      }
    };
  }
}
