package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.ReflectionUtil;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Er7Encoder;
import io.integrationhub.hl7.encoding.MessageSegments;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;

/**
 * Parses ER7 text leniently into HAPI messages, and encodes them back.
 *
 * <ul>
 *   <li>No validation; unknown versions (e.g. {@code 2.9}) and message types parse as generic
 *       messages; so do messages whose MSH-9 does not name a structure, and MSH-only messages.
 *   <li>Unexpected segments (Z-segments or unknown ones such as {@code XXX}) are kept where they
 *       were found.
 *   <li>Segments may be separated by CR, CRLF or LF; blank segments are skipped. Nothing is
 *       trimmed: the text must start with {@code MSH} and a field separator, MSH-2 must hold valid
 *       encoding characters, and every segment must start with a three-character id.
 * </ul>
 *
 * <p>{@link #encode(Message)} writes every segment of the message, empty ones included.
 *
 * <p>Thread-safe. HAPI's {@link PipeParser} caches structure definitions in an unsynchronised map,
 * so each parse borrows a parser from a small pool instead of sharing one; all of them share one
 * read-only {@link HapiContext}.
 */
public final class Hl7Parser {

  private static final int MAX_IDLE_PARSERS = 8;

  private final HapiContext context;
  private final BlockingQueue<PipeParser> idle = new ArrayBlockingQueue<>(MAX_IDLE_PARSERS);

  /**
   * The parser parsed messages keep a reference to (HAPI uses it for value checks, which it does
   * not make, and for {@code Message#encode()}): never one of the pooled ones, which may be busy on
   * another thread.
   */
  private final PipeParser modelParser;

  /** A parser with its own HAPI context; prefer {@link #shared()}. */
  public Hl7Parser() {
    this.context = LenientHapiContext.create();
    this.modelParser = new PipeParser(context);
  }

  /** The process-wide instance. */
  public static Hl7Parser shared() {
    return Shared.INSTANCE;
  }

  /**
   * Parses an ER7 message.
   *
   * @throws Hl7ParseException when the text is not a readable HL7 v2 message; the exception text
   *     contains no message content
   */
  public Message parse(String er7) throws Hl7ParseException {
    HeaderText header = HeaderText.scan(er7);
    String text = withCarriageReturns(er7);
    checkSegmentIds(text, header.delimiters().field());
    PipeParser parser = borrow();
    try {
      String version = version(header);
      ModelClassFactory factory = context.getModelClassFactory();
      Message message = ReflectionUtil.instantiateMessage(messageClass(header, version), factory);
      parser.parse(message, text);
      message.setParser(modelParser);
      return message;
    } catch (HL7Exception e) {
      throw Hl7ParseException.fromHapi(e);
    } catch (RuntimeException e) {
      throw new Hl7ParseException(
          "HL7 message could not be parsed: HAPI failed with " + e.getClass().getSimpleName(),
          Hl7ErrorCode.APPLICATION_INTERNAL_ERROR);
    } finally {
      release(parser);
    }
  }

  /**
   * Encodes a message as ER7 with its own delimiters (MSH-1, MSH-2), every segment terminated by
   * CR. Every segment of the message is written, in order, including empty ones such as {@code
   * PV1||} (written {@code PV1}) that HAPI's own encoder would silently drop; trailing empty fields
   * and components are dropped as HAPI does. Note that HAPI's typed getters (e.g. {@code getPV2()})
   * create the segment they return: read with {@link io.integrationhub.hl7.path.Hl7Fields} instead.
   *
   * @throws IllegalArgumentException when the message has no MSH segment with valid delimiters
   */
  public String encode(Message message) {
    Objects.requireNonNull(message, "message");
    List<Segment> segments = MessageSegments.all(message);
    Delimiters delimiters = delimitersOf(segments);
    StringBuilder out = new StringBuilder(256 * segments.size());
    for (Segment segment : segments) {
      out.append(Er7Encoder.encodeSegment(segment, delimiters)).append('\r');
    }
    return out.toString();
  }

  private static Delimiters delimitersOf(List<Segment> segments) {
    Segment header = segments.isEmpty() ? null : segments.get(0);
    if (header == null || !Er7Encoder.definesDelimiters(header.getName())) {
      throw new IllegalArgumentException("HL7 message cannot be encoded: it has no MSH segment");
    }
    String separator = firstValue(header, 1);
    if (separator.length() != 1) {
      throw new IllegalArgumentException(
          "HL7 message cannot be encoded: MSH-1 is not a single character");
    }
    try {
      return Delimiters.of(separator.charAt(0), firstValue(header, 2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HL7 message cannot be encoded: " + e.getMessage(), e);
    }
  }

  private static String firstValue(Segment segment, int field) {
    Type[] repetitions = Er7Encoder.repetitions(segment, field);
    return repetitions.length == 0 ? "" : Er7Encoder.value(repetitions[0]);
  }

  /** Replaces LF and CRLF segment separators by CR, the only separator HAPI splits on. */
  static String withCarriageReturns(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (i == 0 || text.charAt(i - 1) != '\r') {
          out.append('\r');
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Every segment that is not blank must start (after leading whitespace, which HAPI skips) with
   * three letters or digits followed by the field separator or the end of the segment: HAPI would
   * otherwise keep a line of free text as a segment with a nonsense name.
   */
  private static void checkSegmentIds(String text, char separator) throws Hl7ParseException {
    int number = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\r', start);
      if (end < 0) {
        end = text.length();
      }
      number++;
      int from = start;
      while (from < end && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      if (from < end && !hasSegmentId(text, from, end, separator)) {
        throw new Hl7ParseException(
            "HL7 message could not be parsed: segment "
                + number
                + " does not start with a"
                + " segment id followed by the field separator",
            Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
      }
      start = end + 1;
    }
  }

  private static boolean hasSegmentId(String text, int from, int end, char separator) {
    if (end - from < 3) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) > 0x7F) {
        return false;
      }
    }
    return end - from == 3 || text.charAt(from + 3) == separator;
  }

  /**
   * MSH-12.1 without surrounding whitespace, or the highest version on the classpath when MSH-12 is
   * empty or absent (HAPI itself fails on an empty MSH-12 followed by further fields).
   */
  private static String version(HeaderText header) {
    String version = header.firstComponent(header.field(12)).strip();
    return version.isEmpty() ? Version.highestAvailableVersionOrDefault().getVersion() : version;
  }

  /**
   * The message class for MSH-9 as HAPI would choose it (MSH-9.3; else ACK; else MSH-9.1_MSH-9.2
   * through the version's event map), read from the first segment only (HAPI reads MSH-9 from the
   * whole text, so a short MSH would make it use a later segment). Generic when MSH-9 names no
   * structure; unknown versions are generic too (see {@link LenientModelClassFactory}).
   */
  private Class<? extends Message> messageClass(HeaderText header, String version)
      throws HL7Exception {
    String msh9 = header.field(9);
    String[] components =
        msh9 == null
            ? new String[0]
            : msh9.split(Pattern.quote(String.valueOf(header.delimiters().component())), -1);
    String code = components.length > 0 ? components[0] : "";
    String event = components.length > 1 ? components[1] : "";
    String structure = components.length > 2 ? components[2] : "";
    ModelClassFactory factory = context.getModelClassFactory();
    if (!structure.isEmpty()) {
      return factory.getMessageClass(structure, version, true);
    }
    if ("ACK".equals(code)) {
      return factory.getMessageClass("ACK", version, true);
    }
    if (!code.isEmpty() && !event.isEmpty()) {
      return factory.getMessageClass(code + "_" + event, version, false);
    }
    return GenericMessage.getGenericMessageClass(version);
  }

  private PipeParser borrow() {
    PipeParser parser = idle.poll();
    return parser != null ? parser : new PipeParser(context);
  }

  /** Returns a parser to the pool; false when the pool is full and the parser is dropped. */
  private boolean release(PipeParser parser) {
    return idle.offer(parser);
  }

  private static final class Shared {
    static final Hl7Parser INSTANCE = new Hl7Parser();
  }
}
