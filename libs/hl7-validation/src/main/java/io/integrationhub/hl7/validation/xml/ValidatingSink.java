package io.integrationhub.hl7.validation.xml;

import io.integrationhub.hl7.validation.schema.MessageStructure;
import java.util.ArrayList;
import java.util.List;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Feeds the converter's events to a JAXP validator handler, stops at the first error, and describes
 * that error from what it has seen (element path, position, the schema's sequence) in the reference
 * hub's words, never with element content: the validator's own text can quote a value.
 */
public final class ValidatingSink implements XmlSink {

  private static final int MAX_DEPTH = 32;
  private static final int CONTAINER = 0;
  private static final int SEGMENT = 1;
  private static final int FIELD = 2;
  private static final int DEEP = 3;
  private static final AttributesImpl NO_ATTRIBUTES = new AttributesImpl();

  private final ValidatorHandler handler;
  private final MessageStructure structure;
  private final boolean structural;
  private final String[] names = new String[MAX_DEPTH];
  private final int[] kinds = new int[MAX_DEPTH];
  private final int[] childCounts = new int[MAX_DEPTH];
  private final List<List<String>> containerChildren = new ArrayList<>();
  private int depth;
  private char[] buffer = new char[256];
  private Event event = Event.DOCUMENT;
  private String eventElement;

  private enum Event {
    DOCUMENT,
    START,
    TEXT,
    END
  }

  /**
   * A sink that validates with {@code handler} (which must not be shared meanwhile).
   *
   * @param structural the handler's schema is a structure schema: pass only root, group, segment
   *     and field elements to it, no components and no text
   */
  public ValidatingSink(ValidatorHandler handler, MessageStructure structure, boolean structural) {
    this.handler = handler;
    this.structure = structure;
    this.structural = structural;
    handler.setContentHandler(null);
    handler.setErrorHandler(new FirstErrorStops());
  }

  @Override
  public void startDocument() throws SAXException {
    depth = 0;
    event = Event.DOCUMENT;
    handler.startDocument();
    handler.startPrefixMapping(PREFIX, NAMESPACE);
  }

  @Override
  public void start(String name) throws SAXException {
    event = Event.START;
    eventElement = name;
    if (depth == MAX_DEPTH) {
      throw new SAXException("XML nesting deeper than " + MAX_DEPTH);
    }
    int kind = depth == 0 ? CONTAINER : childKind(kinds[depth - 1], name);
    if (!structural || kind != DEEP) {
      handler.startElement(NAMESPACE, name, PREFIX + ":" + name, NO_ATTRIBUTES);
    }
    if (depth > 0) {
      childCounts[depth - 1]++;
      if (kinds[depth - 1] == CONTAINER) {
        containerChildren.get(depth - 1).add(name);
      }
    }
    names[depth] = name;
    kinds[depth] = kind;
    childCounts[depth] = 0;
    if (kind == CONTAINER) {
      while (containerChildren.size() <= depth) {
        containerChildren.add(new ArrayList<>());
      }
      containerChildren.get(depth).clear();
    }
    depth++;
  }

  private int childKind(int parentKind, String name) {
    return switch (parentKind) {
      case CONTAINER -> structure.isContainer(name) ? CONTAINER : SEGMENT;
      case SEGMENT -> FIELD;
      default -> DEEP;
    };
  }

  /** Whether the converter must send components and text (not for a structure schema alone). */
  @Override
  public boolean wantsFieldContent() {
    return !structural;
  }

  @Override
  public void text(String text) throws SAXException {
    if (structural) {
      return;
    }
    event = Event.TEXT;
    int length = text.length();
    if (buffer.length < length) {
      buffer = new char[Math.max(length, buffer.length * 2)];
    }
    text.getChars(0, length, buffer, 0);
    handler.characters(buffer, 0, length);
  }

  @Override
  public void end(String name) throws SAXException {
    event = Event.END;
    eventElement = name;
    if (!structural || kinds[depth - 1] != DEEP) {
      handler.endElement(NAMESPACE, name, PREFIX + ":" + name);
    }
    depth--;
  }

  @Override
  public void endDocument() throws SAXException {
    event = Event.DOCUMENT;
    handler.endPrefixMapping(PREFIX);
    handler.endDocument();
  }

  /**
   * The first validation error, in the reference hub's form, e.g. {@code The content of element
   * '{urn:hl7-org:v2xml}ADT_A05' is not complete. Tag '{urn:hl7-org:v2xml}PV1' expected. (path:
   * /ns0:ADT_A05)}. Contains element names and positions only.
   */
  public String describe(SAXException error) {
    String rule = rule(error);
    return switch (event) {
      case START -> unexpectedChild(rule);
      case END -> incomplete(rule);
      case TEXT ->
          "Text is not allowed in " + tag(names[depth - 1]) + " (" + rule + ")." + path(depth);
      case DOCUMENT -> "XML schema validation failed (" + rule + ")";
    };
  }

  private String unexpectedChild(String rule) {
    if (depth == 0) {
      return "Unexpected root element " + tag(eventElement) + " (" + rule + ").";
    }
    String parent = names[depth - 1];
    int position = childCounts[depth - 1] + 1;
    StringBuilder text =
        new StringBuilder("Unexpected child with tag ")
            .append(tag(eventElement))
            .append(" at position ")
            .append(position)
            .append('.');
    if (kinds[depth - 1] == CONTAINER) {
      String expected =
          SequenceMatcher.expected(
              structure.sequence(parent), containerChildren.get(depth - 1), eventElement);
      if (expected != null) {
        text.append(" Tag ").append(tag(expected)).append(" expected.");
      }
    } else {
      text.append(" (").append(rule).append(')');
    }
    return text.append(path(depth)).toString();
  }

  private String incomplete(String rule) {
    String element = names[depth - 1];
    if (kinds[depth - 1] == CONTAINER) {
      String expected =
          SequenceMatcher.expected(
              structure.sequence(element), containerChildren.get(depth - 1), null);
      if (expected != null) {
        return "The content of element "
            + tag(element)
            + " is not complete. Tag "
            + tag(expected)
            + " expected."
            + path(depth);
      }
    }
    return "The content of element " + tag(element) + " is not valid (" + rule + ")." + path(depth);
  }

  private String path(int length) {
    StringBuilder path = new StringBuilder(" (path: ");
    for (int i = 0; i < length; i++) {
      path.append('/').append(PREFIX).append(':').append(names[i]);
    }
    return path.append(')').toString();
  }

  private static String tag(String element) {
    return "'{" + NAMESPACE + "}" + element + "'";
  }

  /** The validator's rule id (e.g. {@code cvc-pattern-valid}); its text may quote a value. */
  private static String rule(SAXException error) {
    String message = error.getMessage();
    if (message != null && message.startsWith("cvc-")) {
      int colon = message.indexOf(':');
      if (colon > 0 && message.substring(0, colon).indexOf(' ') < 0) {
        return message.substring(0, colon);
      }
    }
    return "schema rule";
  }

  private static final class FirstErrorStops implements ErrorHandler {

    @Override
    public void warning(SAXParseException exception) {
      // warnings do not make a message invalid
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
      throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
      throw exception;
    }
  }
}
