package io.integrationhub.hl7.validation.xml;

/** Checks that text can be carried by XML 1.0. */
final class XmlCharacters {

  private XmlCharacters() {}

  /**
   * @throws ConversionException naming {@code field} (never the text) when it holds a control
   *     character other than tab, an unpaired surrogate or U+FFFE/U+FFFF
   */
  static void check(String text, String field) throws ConversionException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed;
      if (c < 0x20) {
        allowed = c == '\t';
      } else if (Character.isHighSurrogate(c)) {
        allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        i++;
      } else {
        allowed = !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
      }
      if (!allowed) {
        throw new ConversionException(
            field + " contains a control or invalid character that XML cannot carry");
      }
    }
  }
}
