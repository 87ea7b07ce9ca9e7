package io.integrationhub.hl7.validation.xml;

/**
 * Writes the events as compact XML text: prefix {@code ns0} on every element, the namespace
 * declared on the root, no XML declaration, no indentation, empty elements as {@code <ns0:X/>}.
 */
public final class XmlTextWriter implements XmlSink {

  private final StringBuilder out = new StringBuilder(8192);
  private boolean startTagOpen;
  private boolean root = true;

  @Override
  public void startDocument() {
    out.setLength(0);
    root = true;
    startTagOpen = false;
  }

  @Override
  public void start(String name) {
    closeStartTag();
    out.append('<').append(PREFIX).append(':').append(name);
    if (root) {
      out.append(" xmlns:").append(PREFIX).append("=\"").append(NAMESPACE).append('"');
      root = false;
    }
    startTagOpen = true;
  }

  @Override
  public void text(String text) {
    closeStartTag();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  @Override
  public void end(String name) {
    if (startTagOpen) {
      out.append("/>");
      startTagOpen = false;
    } else {
      out.append("</").append(PREFIX).append(':').append(name).append('>');
    }
  }

  @Override
  public void endDocument() {
    closeStartTag();
  }

  /** The XML written so far. */
  public String xml() {
    return out.toString();
  }

  private void closeStartTag() {
    if (startTagOpen) {
      out.append('>');
      startTagOpen = false;
    }
  }
}
