package io.integrationhub.hl7.validation.schema;

import java.io.InputStream;
import java.io.Reader;
import org.w3c.dom.ls.LSInput;

/**
 * An included schema document handed to JAXP as text (JAXP never opens a file or URL itself).
 * Read-only: JAXP only reads an input its resolver returns, so every setter refuses.
 */
final class SchemaInput implements LSInput {

  private final String systemId;
  private final String text;

  SchemaInput(String systemId, String text) {
    this.systemId = systemId;
    this.text = text;
  }

  @Override
  public String getStringData() {
    return text;
  }

  @Override
  public String getSystemId() {
    return systemId;
  }

  @Override
  public Reader getCharacterStream() {
    return null;
  }

  @Override
  public void setCharacterStream(Reader characterStream) {
    throw new UnsupportedOperationException();
  }

  @Override
  public InputStream getByteStream() {
    return null;
  }

  @Override
  public void setByteStream(InputStream byteStream) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setStringData(String stringData) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setSystemId(String systemId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getPublicId() {
    return null;
  }

  @Override
  public void setPublicId(String publicId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getBaseURI() {
    return null;
  }

  @Override
  public void setBaseURI(String baseUri) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String getEncoding() {
    return null;
  }

  @Override
  public void setEncoding(String encoding) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean getCertifiedText() {
    return false;
  }

  @Override
  public void setCertifiedText(boolean certifiedText) {
    throw new UnsupportedOperationException();
  }
}
