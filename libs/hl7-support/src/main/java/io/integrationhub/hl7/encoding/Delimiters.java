package io.integrationhub.hl7.encoding;

import ca.uhn.hl7v2.parser.EncodingCharacters;

/**
 * The five ER7 delimiters of a message: MSH-1 and the first four characters of MSH-2 (a v2.7
 * truncation character, when present, is not part of this value).
 *
 * @param field field separator (MSH-1), {@code |} by default
 * @param component component separator, {@code ^} by default
 * @param repetition repetition separator, {@code ~} by default
 * @param escape escape character, {@code \} by default
 * @param subcomponent sub-component separator, {@code &} by default
 */
public record Delimiters(
    char field, char component, char repetition, char escape, char subcomponent) {

  /** The standard delimiters {@code |^~\&}. */
  public static final Delimiters STANDARD = new Delimiters('|', '^', '~', '\\', '&');

  /** Validates that the five delimiters are distinct. */
  public Delimiters {
    char[] all = {field, component, repetition, escape, subcomponent};
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        if (all[i] == all[j]) {
          throw new IllegalArgumentException(
              "Invalid encoding chars: Found duplicate encoding chars");
        }
      }
    }
  }

  /**
   * The delimiters declared by MSH-1 and MSH-2.
   *
   * @param fieldSeparator MSH-1
   * @param encodingCharacters MSH-2: component, repetition, escape and sub-component separators,
   *     optionally followed by a truncation character (ignored here)
   * @throws IllegalArgumentException when MSH-2 has fewer than four characters or a delimiter
   *     repeats ("Missing required encoding chars" / "Found duplicate encoding chars")
   */
  public static Delimiters of(char fieldSeparator, String encodingCharacters) {
    if (encodingCharacters == null || encodingCharacters.length() < 4) {
      throw new IllegalArgumentException("Invalid encoding chars: Missing required encoding chars");
    }
    return new Delimiters(
        fieldSeparator,
        encodingCharacters.charAt(0),
        encodingCharacters.charAt(1),
        encodingCharacters.charAt(2),
        encodingCharacters.charAt(3));
  }

  /** MSH-2 as written by these delimiters: component, repetition, escape, sub-component. */
  public String encodingCharacters() {
    return new String(new char[] {component, repetition, escape, subcomponent});
  }

  /** Whether these are the standard delimiters {@code |^~\&}. */
  public boolean isStandard() {
    return equals(STANDARD);
  }

  /** A new (mutable) HAPI equivalent, without truncation character. */
  public EncodingCharacters toEncodingCharacters() {
    return new EncodingCharacters(field, component, repetition, escape, subcomponent);
  }
}
