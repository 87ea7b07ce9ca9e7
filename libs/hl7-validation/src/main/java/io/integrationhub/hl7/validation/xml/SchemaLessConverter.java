package io.integrationhub.hl7.validation.xml;

import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import io.integrationhub.hl7.validation.structure.MessageType;
import io.integrationhub.hl7.validation.structure.StructureException;
import io.integrationhub.hl7.validation.structure.StructureResolver;

/**
 * ER7 to XML without a schema, for the message store of flows that have none (MPI outbound): the
 * root is the message structure, each segment an element, each non-empty field one element whose
 * text is the whole field as received ({@code <PID.3>123^^^252&amp;1.2.3&amp;ISO^PI</PID.3>}).
 *
 * <p>Unlike the reference it finds the structure as the validator does (so {@code ADT^A28} without
 * MSH-9.3 converts as {@code ADT_A05}) and keeps every field.
 */
public final class SchemaLessConverter {

  private SchemaLessConverter() {}

  /**
   * The XML of {@code er7}.
   *
   * @throws Er7FormatException when it is not ER7
   * @throws StructureException when MSH-9 names no structure
   * @throws ConversionException when a field holds a character XML cannot carry
   */
  public static String convert(String er7)
      throws Er7FormatException, StructureException, ConversionException {
    Er7Message message = Er7Message.parse(er7);
    String root = StructureResolver.standard().resolve(MessageType.of(message));
    XmlTextWriter writer = new XmlTextWriter();
    writer.startDocument();
    writer.start(root);
    for (Er7Segment segment : message.segments()) {
      writer.start(segment.name());
      for (int number = 1; number <= segment.fieldCount(); number++) {
        String value = segment.field(number);
        if (!value.isEmpty()) {
          String element = segment.name() + "." + number;
          XmlCharacters.check(value, element);
          writer.start(element);
          writer.text(value);
          writer.end(element);
        }
      }
      writer.end(segment.name());
    }
    writer.end(root);
    writer.endDocument();
    return writer.xml();
  }
}
