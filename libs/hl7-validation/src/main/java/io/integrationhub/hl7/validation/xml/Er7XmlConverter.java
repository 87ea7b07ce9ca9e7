package io.integrationhub.hl7.validation.xml;

import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import io.integrationhub.hl7.validation.schema.DataType;
import io.integrationhub.hl7.validation.schema.FieldDefinition;
import io.integrationhub.hl7.validation.schema.MessageStructure;
import io.integrationhub.hl7.validation.schema.SegmentDefinition;
import java.util.List;
import java.util.Optional;
import org.xml.sax.SAXException;

/**
 * Converts an ER7 message to HL7 v2 XML shaped by a flow's schema, the way the reference hub does
 * (so the reference's XSDs accept it): segments in wire order, groups opened by their first
 * segment, fields in schema order, every component of a composite emitted (empty when absent),
 * required empty fields emitted empty, repetitions split only where the field may repeat, escape
 * sequences and {@code ""} kept as text.
 *
 * <p>Unlike the reference it splits with the message's own delimiters, splits sub-components of
 * composite components, keeps surrounding whitespace, and never adds a segment the message does not
 * have. What cannot be represented (fields or components beyond the schema's definition) is
 * reported as a warning instead of dropped silently.
 */
public final class Er7XmlConverter {

  private static final int FIELD = 0;
  private static final int COMPONENT = 1;
  private static final int SUBCOMPONENT = 2;

  private final MessageStructure structure;
  private final boolean requiredFieldsMustHaveValues;

  /** A converter for one structure of one flow. */
  public Er7XmlConverter(MessageStructure structure) {
    this(structure, false);
  }

  /**
   * A converter that, with {@code requiredFieldsMustHaveValues}, fails on an empty required field
   * (standard validation) instead of emitting it empty as the reference's converter does.
   */
  public Er7XmlConverter(MessageStructure structure, boolean requiredFieldsMustHaveValues) {
    this.structure = structure;
    this.requiredFieldsMustHaveValues = requiredFieldsMustHaveValues;
  }

  /**
   * Sends the XML of {@code message} to {@code sink}.
   *
   * @param warnings receives a line for each piece of the message the XML cannot hold
   * @throws ConversionException when a segment is unknown to the schema or text cannot be XML
   * @throws SAXException when the sink (a validator) rejects the document
   */
  public void convert(Er7Message message, XmlSink sink, List<String> warnings)
      throws ConversionException, SAXException {
    Run run = new Run(message.delimiters(), sink, warnings, requiredFieldsMustHaveValues);
    sink.startDocument();
    sink.start(structure.name());
    String group = null;
    for (Er7Segment segment : message.segments()) {
      String name = segment.name();
      Optional<SegmentDefinition> definition = structure.segment(name);
      if (definition.isEmpty() && name.charAt(0) != 'Z') {
        throw new ConversionException(
            "Segment "
                + segment.position()
                + " ("
                + name
                + ") is not a segment of the schema's HL7 version and not a Z-segment");
      }
      Optional<String> startsGroup = structure.groupStartedBy(name);
      if (group != null
          && !(structure.allows(group, name) && !startsGroup.orElse("").equals(group))) {
        sink.end(group);
        group = null;
      }
      if (group == null && startsGroup.isPresent()) {
        group = startsGroup.get();
        sink.start(group);
      }
      if (definition.isPresent()) {
        run.definedSegment(segment, definition.get());
      } else {
        run.undefinedSegment(segment);
      }
    }
    if (group != null) {
      sink.end(group);
    }
    sink.end(structure.name());
    sink.endDocument();
  }

  /** The state of one conversion. */
  private static final class Run {

    private final Delimiters delimiters;
    private final XmlSink sink;
    private final List<String> warnings;
    private final boolean requireValues;

    Run(Delimiters delimiters, XmlSink sink, List<String> warnings, boolean requireValues) {
      this.delimiters = delimiters;
      this.sink = sink;
      this.warnings = warnings;
      this.requireValues = requireValues;
    }

    void definedSegment(Er7Segment segment, SegmentDefinition definition)
        throws ConversionException, SAXException {
      boolean header = "MSH".equals(segment.name());
      sink.start(segment.name());
      for (FieldDefinition field : definition.fields()) {
        String value = segment.field(field.number());
        if (header && field.number() <= 2) {
          leaf(field.element(), value, field.element());
        } else if (!value.isEmpty()) {
          if (field.repeats()) {
            for (String repetition : Er7Message.split(value, delimiters.repetition())) {
              typed(field.element(), field.type(), repetition, FIELD, field.element());
            }
          } else {
            typed(field.element(), field.type(), value, FIELD, field.element());
          }
        } else if (requireValues && field.minOccurs() > 0) {
          throw new ConversionException(
              "Required field "
                  + segment.name()
                  + "-"
                  + field.number()
                  + " is empty (segment "
                  + segment.position()
                  + ")");
        } else {
          for (int i = 0; i < field.minOccurs(); i++) {
            typed(field.element(), field.type(), "", FIELD, field.element());
          }
        }
      }
      for (int number = definition.lastFieldNumber() + 1;
          number <= segment.fieldCount();
          number++) {
        if (!segment.field(number).isEmpty()) {
          warn(
              segment.name()
                  + "-"
                  + number
                  + " is beyond the schema's definition of "
                  + segment.name()
                  + " and is not in the XML");
        }
      }
      sink.end(segment.name());
    }

    void undefinedSegment(Er7Segment segment) throws ConversionException, SAXException {
      sink.start(segment.name());
      for (int number = 1; number <= segment.fieldCount(); number++) {
        String value = segment.field(number);
        if (!value.isEmpty()) {
          String element = segment.name() + "." + number;
          leaf(element, value, element);
        }
      }
      sink.end(segment.name());
    }

    private void typed(String element, DataType type, String text, int level, String field)
        throws ConversionException, SAXException {
      if (level == FIELD && !sink.wantsFieldContent()) {
        XmlCharacters.check(text, field);
        sink.start(element);
        sink.end(element);
        return;
      }
      if (!type.isComposite()) {
        leaf(element, text, field);
        return;
      }
      sink.start(element);
      List<DataType.Component> components = type.components();
      List<String> pieces = pieces(text, level);
      for (int i = 0; i < components.size(); i++) {
        DataType.Component component = components.get(i);
        String piece = i < pieces.size() ? pieces.get(i) : "";
        typed(component.element(), component.type(), piece, level + 1, field);
      }
      if (pieces.size() > components.size() && !lastPiecesEmpty(pieces, components.size())) {
        warn(
            field
                + " has more "
                + (level == FIELD ? "components" : "sub-components")
                + " than its type "
                + type.name()
                + " declares; the extra ones are not in the XML");
      }
      sink.end(element);
    }

    private List<String> pieces(String text, int level) {
      return switch (level) {
        case FIELD -> Er7Message.split(text, delimiters.component());
        case COMPONENT -> Er7Message.split(text, delimiters.subcomponent());
        default -> List.of(text);
      };
    }

    private void leaf(String element, String text, String field)
        throws ConversionException, SAXException {
      sink.start(element);
      if (!text.isEmpty()) {
        XmlCharacters.check(text, field);
        sink.text(text);
      }
      sink.end(element);
    }

    private void warn(String warning) {
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
    }

    private static boolean lastPiecesEmpty(List<String> pieces, int from) {
      for (int i = from; i < pieces.size(); i++) {
        if (!pieces.get(i).isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }
}
