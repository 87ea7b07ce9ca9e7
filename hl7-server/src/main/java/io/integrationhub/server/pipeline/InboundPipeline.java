package io.integrationhub.server.pipeline;

import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.events.EventLogger;
import io.integrationhub.events.EventType;
import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
import io.integrationhub.hl7.validation.FailureKind;
import io.integrationhub.hl7.validation.FlowValidator;
import io.integrationhub.hl7.validation.StandardValidator;
import io.integrationhub.hl7.validation.ValidationResult;
import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.xml.SchemaLessConverter;
import io.integrationhub.server.ServerSettings;
import io.integrationhub.server.rules.KnownSegments;
import io.integrationhub.server.rules.MessageRule;
import io.integrationhub.server.rules.MpiRoutingProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks of spec §4.1 in the reference's order, from the text of one message to a {@link
 * Decision}: ER7 shape, routing by MSH-9, known segments, version and sending-application rules,
 * the flow's own rules, XSD validation, optional standard validation, then the bus message with its
 * properties. Emits the intermediate events (received, validation passed or failed); the terminal
 * event (processed or failed) belongs to whoever publishes. Never throws for a message.
 */
public final class InboundPipeline {

  private static final DateTimeFormatter RECEIVED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final ServerSettings settings;
  private final List<CheckedRule> rules;
  private final Optional<FlowValidator> xsd;
  private final Optional<StandardValidator> standard;
  private final EventLogger events;
  private final KnownSegments knownSegments = new KnownSegments();

  /** A rule with the HL7 error code its violation is reported under. */
  public record CheckedRule(MessageRule rule, Hl7ErrorCode code) {}

  /** The pipeline of one server. */
  public InboundPipeline(
      ServerSettings settings,
      List<CheckedRule> rules,
      Optional<FlowValidator> xsd,
      Optional<StandardValidator> standard,
      EventLogger events) {
    this.settings = settings;
    this.rules = List.copyOf(rules);
    this.xsd = xsd;
    this.standard = standard;
    this.events = events;
  }

  /** Decides on one message received at {@code receivedAt}, under {@code correlationId}. */
  public Decision process(String text, Instant receivedAt, String correlationId) {
    Er7Message message;
    MessageHeader header;
    try {
      message = Er7Message.parse(text);
      // The ACK is built from HAPI's reading of MSH: a header it rejects (e.g. a fifth encoding
      // character before v2.7) is not HL7 here either, before any other event or validation.
      header = MessageHeader.parse(text);
    } catch (Er7FormatException e) {
      return reject(RejectionKind.NOT_HL7, "Invalid HL7 Message: " + e.getMessage());
    } catch (Hl7ParseException e) {
      return reject(
          RejectionKind.NOT_HL7,
          "Invalid HL7 Message: " + e.getMessage().replaceFirst("^Invalid HL7 message: ", ""));
    }
    String msh9 = message.header().field(9).strip();
    if (!RoutingTable.routes(msh9)) {
      return reject(
          RejectionKind.UNSUPPORTED_TYPE,
          "Unsupported Message Type: Unsupported message type " + msh9);
    }
    events.log(EventType.MESSAGE_RECEIVED, text, null, null, correlationId);
    Optional<String> unknownSegment = knownSegments.check(message);
    if (unknownSegment.isPresent()) {
      return failValidation(
          text,
          correlationId,
          RejectionKind.PARSE_ERROR,
          "HL7 parsing error: " + unknownSegment.get(),
          RejectionKind.PARSE_ERROR.errorCode());
    }
    for (CheckedRule checked : rules) {
      Optional<String> violation = checked.rule().check(message);
      if (violation.isPresent()) {
        return failValidation(
            text,
            correlationId,
            RejectionKind.RULE,
            "HL7 validation error: " + violation.get(),
            checked.code());
      }
    }
    events.log(
        EventType.VALIDATION_SUCCESS,
        text,
        "Valid HL7 message - Type: " + msh9,
        null,
        correlationId);
    Optional<String> xml = Optional.empty();
    if (xsd.isPresent()) {
      ValidationResult result =
          settings.messageStoreQueue().isPresent()
              ? xsd.get().validateAndConvert(text)
              : xsd.get().validate(text);
      Optional<Decision> failed =
          xsdFailure(
              text,
              correlationId,
              result,
              () -> outbound(text, message, receivedAt, correlationId).properties());
      if (failed.isPresent()) {
        return failed.get();
      }
      events.log(
          EventType.VALIDATION_SUCCESS,
          text,
          "XML validation passed for flow '" + xsd.get().flow() + "'",
          null,
          correlationId);
      xml = result.xml();
    } else if (settings.messageStoreQueue().isPresent()) {
      xml = schemaLessXml(text, correlationId);
    }
    if (standard.isPresent()) {
      ValidationResult result = standard.get().validate(text);
      if (!result.isValid()) {
        return failValidation(
            text,
            correlationId,
            RejectionKind.STANDARD_INVALID,
            "Standard validation error: "
                + result.errorMessage()
                + " (CorrelationId: "
                + correlationId
                + ")",
            RejectionKind.STANDARD_INVALID.errorCode());
      }
      events.log(
          EventType.VALIDATION_SUCCESS,
          text,
          "Standard HL7 v" + standard.get().version() + " validation passed",
          null,
          correlationId);
    }
    return new Decision.Accept(
        new Accepted(outbound(text, message, receivedAt, correlationId), xml, header));
  }

  private Optional<Decision> xsdFailure(
      String text,
      String correlationId,
      ValidationResult result,
      Supplier<Map<String, String>> tracking) {
    if (result.isValid()) {
      return Optional.empty();
    }
    FailureKind kind = result.failure().orElseThrow().kind();
    if (kind == FailureKind.NO_SCHEMA) {
      return Optional.of(reject(RejectionKind.NO_SCHEMA, result.errorMessage()));
    }
    if (kind == FailureKind.SCHEMA_ERROR || kind == FailureKind.INTERNAL) {
      return Optional.of(reject(RejectionKind.INTERNAL, result.errorMessage()));
    }
    String detail =
        "XML validation failed for flow '"
            + result.flow()
            + "': "
            + result.errorMessage()
            + " (CorrelationId: "
            + correlationId
            + ")";
    events.log(EventType.VALIDATION_FAILED, text, null, detail, correlationId);
    return Optional.of(
        new Decision.Reject(
            Rejection.of(RejectionKind.XSD_INVALID, detail), Optional.of(tracking.get())));
  }

  private Optional<String> schemaLessXml(String text, String correlationId) {
    try {
      return Optional.of(SchemaLessConverter.convert(text));
    } catch (Exception e) {
      events.log(
          EventType.VALIDATION_FAILED,
          text,
          null,
          "Failed to generate XML payload for message store: "
              + e.getMessage()
              + " (CorrelationId: "
              + correlationId
              + ")",
          correlationId);
      return Optional.empty();
    }
  }

  private OutboundMessage outbound(
      String text, Er7Message message, Instant receivedAt, String correlationId) {
    String controlId = message.header().field(10);
    OutboundMessage.Builder builder =
        OutboundMessage.builder(text)
            .sessionId(settings.egressSessionId())
            .messageId(controlId.isEmpty() ? null : controlId)
            .property("MessageReceivedAt", RECEIVED_AT.format(receivedAt))
            .property("CorrelationId", correlationId)
            .property("WorkflowID", settings.workflowId())
            .property("SourceSystem", message.header().field(3));
    if (settings.validationFlow().filter("mpi"::equals).isPresent()) {
      builder.properties(MpiRoutingProperties.of(message));
    }
    return builder.build();
  }

  private Decision failValidation(
      String text, String correlationId, RejectionKind kind, String detail, Hl7ErrorCode code) {
    events.log(EventType.VALIDATION_FAILED, text, null, detail, correlationId);
    return new Decision.Reject(new Rejection(kind, detail, code), Optional.empty());
  }

  private static Decision reject(RejectionKind kind, String detail) {
    return new Decision.Reject(Rejection.of(kind, detail), Optional.empty());
  }
}
