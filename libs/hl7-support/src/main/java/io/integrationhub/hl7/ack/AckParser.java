package io.integrationhub.hl7.ack;

import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Hl7Escaping;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reply a sender receives.
 *
 * <ul>
 *   <li>MLLP framing around the text is tolerated: leading {@code 0x0B}, whitespace and control
 *       characters, the text after the first {@code 0x1C}, trailing CR/LF and control characters.
 *   <li>Segments may be separated by CR, LF or CRLF; the reply's own delimiters are honoured.
 *   <li>The reply must start with a valid MSH segment; the first MSA segment makes it an
 *       acknowledgement. Without MSA it is a non-ACK message, whatever MSH-9 says.
 *   <li>MSA-1 is matched exactly (case-sensitive, not trimmed). MSA-2 is returned and not checked
 *       here: compare it with {@link Ack#acknowledges(String)}.
 * </ul>
 */
public final class AckParser {

  private static final char END_BLOCK = 0x1C;

  private AckParser() {}

  /**
   * Parses a reply.
   *
   * @throws InvalidAckException when the reply is empty, is not an HL7 message, or has no MSA
   *     segment ("Received a non-ACK message")
   */
  public static Ack parse(String reply) throws InvalidAckException {
    String text = unframe(reply == null ? "" : reply);
    if (text.isEmpty()) {
      throw new InvalidAckException(InvalidAckException.Reason.EMPTY, "Reply is empty");
    }
    MessageHeader header;
    try {
      header = MessageHeader.parse(text);
    } catch (Hl7ParseException e) {
      throw new InvalidAckException(
          InvalidAckException.Reason.NOT_HL7, "Reply is not an HL7 message: " + e.getMessage());
    }
    Delimiters delimiters = header.delimiters();
    List<String[]> errs = new ArrayList<>();
    String[] msa = null;
    for (String segment : text.split("[\r\n]+")) {
      if (msa == null && isSegment(segment, "MSA", delimiters)) {
        msa = fields(segment, delimiters);
      } else if (isSegment(segment, "ERR", delimiters)) {
        errs.add(fields(segment, delimiters));
      }
    }
    if (msa == null) {
      throw new InvalidAckException(
          InvalidAckException.Reason.NOT_AN_ACK, "Received a non-ACK message");
    }
    String rawCode = field(msa, 1);
    return new Ack(
        AckCode.fromCode(rawCode).orElse(null),
        rawCode,
        Hl7Escaping.unescape(field(msa, 2), delimiters),
        Hl7Escaping.unescape(field(msa, 3), delimiters),
        errorText(errs, delimiters),
        Hl7Escaping.unescape(header.controlId()));
  }

  private static String errorText(List<String[]> errs, Delimiters d) {
    for (String[] err : errs) {
      String userMessage = field(err, 8);
      if (!userMessage.isEmpty()) {
        return Hl7Escaping.unescape(userMessage, d);
      }
    }
    for (String[] err : errs) {
      String codeText = part(field(err, 3), d.component(), 2);
      if (!codeText.isEmpty()) {
        return Hl7Escaping.unescape(codeText, d);
      }
    }
    for (String[] err : errs) {
      String text = legacyErrorText(field(err, 1), d);
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  /**
   * ERR-1 before v2.5 is an ELD ({@code SEG^seq^field^code&text&system}): its code text, else its
   * code; a free-text ERR-1 without components is taken whole.
   */
  private static String legacyErrorText(String err1, Delimiters d) {
    if (err1.indexOf(d.component()) < 0) {
      return Hl7Escaping.unescape(err1, d);
    }
    String code = part(err1, d.component(), 4);
    String text = part(code, d.subcomponent(), 2);
    return Hl7Escaping.unescape(text.isEmpty() ? part(code, d.subcomponent(), 1) : text, d);
  }

  private static String unframe(String reply) {
    int start = 0;
    while (start < reply.length() && reply.charAt(start) <= ' ') {
      start++;
    }
    int end = reply.indexOf(END_BLOCK, start);
    if (end < 0) {
      end = reply.length();
    }
    while (end > start && reply.charAt(end - 1) < ' ') {
      end--;
    }
    return reply.substring(start, end);
  }

  private static boolean isSegment(String segment, String id, Delimiters d) {
    return segment.startsWith(id)
        && (segment.length() == id.length() || segment.charAt(id.length()) == d.field());
  }

  private static String[] fields(String segment, Delimiters d) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= segment.length(); i++) {
      if (i == segment.length() || segment.charAt(i) == d.field()) {
        parts.add(segment.substring(start, i));
        start = i + 1;
      }
    }
    return parts.toArray(new String[0]);
  }

  private static String field(String[] fields, int number) {
    return number < fields.length ? fields[number] : "";
  }

  /** Part {@code n} (1-based) of a value split on {@code separator}; "" when absent. */
  private static String part(String value, char separator, int n) {
    int start = 0;
    for (int i = 1; i < n; i++) {
      int next = value.indexOf(separator, start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = value.indexOf(separator, start);
    return value.substring(start, end < 0 ? value.length() : end);
  }
}
