package io.integrationhub.hl7.encoding;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import java.util.Objects;

/**
 * HL7 escape sequences (v2.5 §2.7): {@code \F\ \S\ \R\ \E\ \T\} for the field, component,
 * repetition, escape and sub-component delimiters.
 *
 * <p>Two escaping flavours:
 *
 * <ul>
 *   <li>{@link #escape(String, Delimiters)} / {@link #unescape(String, Delimiters)} wrap HAPI's
 *       escaping, which leaves formatting and hex sequences such as {@code \.br\}, {@code \H\},
 *       {@code \X0D\} untouched in both directions. Use them for values that came out of an HL7
 *       message (they round-trip exactly with HAPI's parser).
 *   <li>{@link #escapeText(String, Delimiters)} treats its input as plain text: every delimiter and
 *       every escape character is escaped, CR, LF and other control characters (except TAB) become
 *       hex sequences ({@code \X0D\}). The result can never break a segment or an MLLP frame. Use
 *       it for text the hub writes itself (error texts in ACKs).
 * </ul>
 */
public final class Hl7Escaping {

  private static final Escaping HAPI = new DefaultEscaping();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Hl7Escaping() {}

  /** HAPI escaping of a value for the given delimiters (formatting/hex sequences kept). */
  public static String escape(String value, Delimiters delimiters) {
    Objects.requireNonNull(value, "value");
    if (!needsEscaping(value, delimiters)) {
      return value;
    }
    return HAPI.escape(value, encodingCharacters(delimiters));
  }

  /** HAPI escaping of a value for the standard delimiters {@code |^~\&}. */
  public static String escape(String value) {
    return escape(value, Delimiters.STANDARD);
  }

  /** HAPI unescaping of a value for the given delimiters (formatting/hex sequences kept). */
  public static String unescape(String value, Delimiters delimiters) {
    Objects.requireNonNull(value, "value");
    if (value.indexOf(delimiters.escape()) < 0) {
      return value;
    }
    return HAPI.unescape(value, encodingCharacters(delimiters));
  }

  /** HAPI unescaping of a value for the standard delimiters {@code |^~\&}. */
  public static String unescape(String value) {
    return unescape(value, Delimiters.STANDARD);
  }

  /**
   * Escapes plain text so that it is safe inside any field, component or sub-component: every
   * delimiter and escape character is replaced by its escape sequence, and control characters other
   * than TAB by a hex sequence ({@code \X0D\} for CR).
   */
  public static String escapeText(String plainText, Delimiters delimiters) {
    Objects.requireNonNull(plainText, "plainText");
    StringBuilder out = new StringBuilder(plainText.length() + 16);
    appendEscapedText(out, plainText, delimiters);
    return out.toString();
  }

  /** {@link #escapeText(String, Delimiters)} for the standard delimiters {@code |^~\&}. */
  public static String escapeText(String plainText) {
    return escapeText(plainText, Delimiters.STANDARD);
  }

  /** Appends {@code plainText} escaped as by {@link #escapeText(String, Delimiters)}. */
  public static void appendEscapedText(StringBuilder out, String plainText, Delimiters delimiters) {
    char esc = delimiters.escape();
    for (int i = 0; i < plainText.length(); i++) {
      char c = plainText.charAt(i);
      char code = 0;
      if (c == delimiters.field()) {
        code = 'F';
      } else if (c == delimiters.component()) {
        code = 'S';
      } else if (c == delimiters.repetition()) {
        code = 'R';
      } else if (c == esc) {
        code = 'E';
      } else if (c == delimiters.subcomponent()) {
        code = 'T';
      }
      if (code != 0) {
        out.append(esc).append(code).append(esc);
      } else if (c < 0x20 && c != '\t') {
        out.append(esc).append('X').append(HEX[c >> 4]).append(HEX[c & 0xF]).append(esc);
      } else {
        out.append(c);
      }
    }
  }

  private static boolean needsEscaping(String value, Delimiters d) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == d.field()
          || c == d.component()
          || c == d.repetition()
          || c == d.escape()
          || c == d.subcomponent()
          || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * HAPI maps the truncation character to {@code #} when escaping; making it equal to the escape
   * character (matched first) switches that off, so no character is ever rewritten to {@code #}.
   */
  private static EncodingCharacters encodingCharacters(Delimiters d) {
    return new EncodingCharacters(
        d.field(), d.component(), d.repetition(), d.escape(), d.subcomponent(), d.escape());
  }
}
