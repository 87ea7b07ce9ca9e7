package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Er7Encoder;

/**
 * The MSH segment of an inbound message, read from the first segment only (the rest of the text is
 * not looked at) by parsing it with HAPI as a v2.5 MSH, with the message's own delimiters.
 *
 * <p>{@link #fieldSeparator()} and {@link #encodingCharacters()} are MSH-1 and MSH-2 as received.
 * Every other value is the field as ER7 text <em>re-encoded with the standard delimiters</em>
 * {@code |^~\&} (so it can be copied into a message that uses them), {@code ""} when absent.
 *
 * @param fieldSeparator MSH-1 as received, e.g. {@code |} or {@code #}
 * @param encodingCharacters MSH-2 as received, e.g. {@code ^~\&}
 * @param sendingApplication MSH-3, whole field
 * @param sendingFacility MSH-4, whole field
 * @param receivingApplication MSH-5, whole field
 * @param receivingFacility MSH-6, whole field
 * @param dateTime MSH-7, whole field
 * @param messageType MSH-9, whole field, e.g. {@code ADT^A31^ADT_A05}
 * @param messageCode MSH-9.1, e.g. {@code ADT}
 * @param triggerEvent MSH-9.2, e.g. {@code A31}
 * @param messageStructure MSH-9.3, e.g. {@code ADT_A05}
 * @param controlId MSH-10, whole field
 * @param processingId MSH-11, whole field, e.g. {@code P} or {@code P^A}
 * @param versionId MSH-12, whole field, e.g. {@code 2.5} or {@code 2.5^GBR}
 * @param characterSet MSH-18, first repetition
 */
public record MessageHeader(
    String fieldSeparator,
    String encodingCharacters,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String dateTime,
    String messageType,
    String messageCode,
    String triggerEvent,
    String messageStructure,
    String controlId,
    String processingId,
    String versionId,
    String characterSet) {

  private static final PipeParser SEGMENT_PARSER = new PipeParser(LenientHapiContext.create());

  /**
   * Reads the MSH segment at the start of {@code er7}. Nothing is trimmed: {@code MSH} must be at
   * index 0. The first segment ends at the first CR or LF.
   *
   * @throws Hl7ParseException when the text does not start with {@code MSH} and a field separator,
   *     or MSH-2 has missing or duplicate encoding characters (a fifth, truncation, character is
   *     accepted only when MSH-12 is 2.7 or later)
   */
  public static MessageHeader parse(String er7) throws Hl7ParseException {
    HeaderText header = HeaderText.scan(er7);
    MSH msh = parseSegment(header);
    Type type = first(msh, 9);
    return new MessageHeader(
        String.valueOf(header.delimiters().field()),
        header.encodingCharacters(),
        field(msh, 3),
        field(msh, 4),
        field(msh, 5),
        field(msh, 6),
        field(msh, 7),
        type == null ? "" : Er7Encoder.encodeField(type),
        type == null ? "" : Er7Encoder.encodeComponent(type, 1),
        type == null ? "" : Er7Encoder.encodeComponent(type, 2),
        type == null ? "" : Er7Encoder.encodeComponent(type, 3),
        field(msh, 10),
        field(msh, 11),
        field(msh, 12),
        field(msh, 18));
  }

  /** The delimiters declared by MSH-1 and MSH-2. */
  public Delimiters delimiters() {
    return Delimiters.of(fieldSeparator.charAt(0), encodingCharacters);
  }

  private static MSH parseSegment(HeaderText header) throws Hl7ParseException {
    ModelClassFactory factory = SEGMENT_PARSER.getFactory();
    GenericMessage holder = new GenericMessage.V25(factory);
    // Without a parser, HAPI would give the holder a validating one and reject e.g. odd MSH-7s.
    holder.setParser(SEGMENT_PARSER);
    MSH msh = new MSH(holder, factory);
    try {
      SEGMENT_PARSER.parse(msh, header.segment(), header.encodingCharactersForHapi());
    } catch (HL7Exception e) {
      throw Hl7ParseException.fromHapi(e);
    } catch (RuntimeException e) {
      throw new Hl7ParseException(
          "Invalid MSH segment: HAPI failed with " + e.getClass().getSimpleName(),
          Hl7ErrorCode.APPLICATION_INTERNAL_ERROR);
    }
    return msh;
  }

  private static String field(Segment segment, int number) {
    Type type = first(segment, number);
    return type == null ? "" : Er7Encoder.encodeField(type);
  }

  private static Type first(Segment segment, int number) {
    Type[] repetitions = Er7Encoder.repetitions(segment, number);
    return repetitions.length == 0 ? null : repetitions[0];
  }
}
