package io.integrationhub.hl7.validation;

import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.schema.CompiledStructure;
import io.integrationhub.hl7.validation.schema.FlowSchemas;
import io.integrationhub.hl7.validation.schema.SchemaException;
import io.integrationhub.hl7.validation.structure.MessageType;
import io.integrationhub.hl7.validation.structure.StructureException;
import io.integrationhub.hl7.validation.structure.StructureResolver;
import io.integrationhub.hl7.validation.xml.ConversionException;
import io.integrationhub.hl7.validation.xml.Er7XmlConverter;
import io.integrationhub.hl7.validation.xml.ValidatingSink;
import io.integrationhub.hl7.validation.xml.XmlSink;
import io.integrationhub.hl7.validation.xml.XmlTextWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.validation.ValidatorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Validates messages against one flow's schemas: ER7 to HL7 v2 XML, streamed straight into the
 * compiled XSD (no XML text unless asked for). Thread-safe. Never throws for a message: every
 * problem is a {@link ValidationFailure}.
 */
public final class FlowValidator {

  private static final Logger LOG = LoggerFactory.getLogger(FlowValidator.class);

  private final FlowSchemas schemas;
  private final boolean requiredFieldsMustHaveValues;
  private final StructureResolver resolver = StructureResolver.standard();

  FlowValidator(FlowSchemas schemas) {
    this(schemas, false);
  }

  FlowValidator(FlowSchemas schemas, boolean requiredFieldsMustHaveValues) {
    this.schemas = schemas;
    this.requiredFieldsMustHaveValues = requiredFieldsMustHaveValues;
  }

  /** The flow name, e.g. {@code phw}. */
  public String flow() {
    return schemas.flow();
  }

  /** The flow's schema file stems, as listed in "No XSD mapping" errors. */
  public List<String> available() {
    return schemas.available();
  }

  /**
   * Compiles every structure of the flow now instead of on first use.
   *
   * @throws IllegalStateException when a schema file is unusable
   */
  public FlowValidator warmUp() {
    for (String structure : schemas.available()) {
      try {
        schemas.structure(structure);
      } catch (SchemaException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return this;
  }

  /** Validates {@code er7}; the result has no XML. */
  public ValidationResult validate(String er7) {
    return run(er7, false);
  }

  /** Validates {@code er7} and, when it is valid, keeps its XML in the result. */
  public ValidationResult validateAndConvert(String er7) {
    return run(er7, true);
  }

  private ValidationResult run(String er7, boolean keepXml) {
    Outcome outcome = new Outcome(flow());
    try {
      Er7Message message = Er7Message.parse(er7);
      MessageType type = MessageType.of(message);
      outcome.header(type, message.header().field(10));
      outcome.structure = resolver.resolve(type);
      Optional<CompiledStructure> compiled = schemas.structure(outcome.structure);
      if (compiled.isEmpty()) {
        return outcome.fail(
            FailureKind.NO_SCHEMA,
            "No XSD mapping for flow '"
                + flow()
                + "' and trigger/structure '"
                + outcome.structure
                + "'. Available: "
                + (available().isEmpty() ? "<none>" : String.join(", ", available())));
      }
      return convertAndValidate(message, compiled.get(), keepXml, outcome);
    } catch (Er7FormatException e) {
      return outcome.fail(FailureKind.MALFORMED, e.getMessage());
    } catch (StructureException e) {
      return outcome.fail(FailureKind.UNKNOWN_STRUCTURE, e.getMessage());
    } catch (SchemaException e) {
      LOG.error("Schema problem for flow '{}': {}", flow(), e.getMessage());
      return outcome.fail(FailureKind.SCHEMA_ERROR, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error(
          "Unexpected validation error for flow '{}' ({})", flow(), e.getClass().getName(), e);
      return outcome.fail(
          FailureKind.INTERNAL, "Unexpected validation error: " + e.getClass().getSimpleName());
    }
  }

  private ValidationResult convertAndValidate(
      Er7Message message, CompiledStructure compiled, boolean keepXml, Outcome outcome) {
    ValidatorHandler handler = compiled.acquire();
    ValidatingSink validating =
        new ValidatingSink(handler, compiled.model(), compiled.structural());
    XmlTextWriter writer = keepXml ? new XmlTextWriter() : null;
    XmlSink sink = writer == null ? validating : XmlSink.tee(validating, writer);
    boolean clean = false;
    try {
      new Er7XmlConverter(compiled.model(), requiredFieldsMustHaveValues)
          .convert(message, sink, outcome.warnings);
      clean = true;
      outcome.xml = writer == null ? null : writer.xml();
      return outcome.pass();
    } catch (ConversionException e) {
      return outcome.fail(FailureKind.INVALID, e.getMessage());
    } catch (SAXException e) {
      return outcome.fail(FailureKind.INVALID, validating.describe(e));
    } finally {
      if (clean) {
        compiled.release(handler);
      }
    }
  }

  /** What is known about the message so far. */
  private static final class Outcome {
    private final String flow;
    private final List<String> warnings = new ArrayList<>(0);
    private String structure = "";
    private String code = "";
    private String trigger = "";
    private String controlId = "";
    private String xml;

    Outcome(String flow) {
      this.flow = flow;
    }

    void header(MessageType type, String controlId) {
      this.code = type.code();
      this.trigger = type.trigger();
      this.controlId = controlId;
    }

    ValidationResult pass() {
      return result(Optional.empty());
    }

    ValidationResult fail(FailureKind kind, String message) {
      xml = null;
      return result(Optional.of(new ValidationFailure(kind, message)));
    }

    private ValidationResult result(Optional<ValidationFailure> failure) {
      return new ValidationResult(
          flow, structure, code, trigger, controlId, failure, Optional.ofNullable(xml), warnings);
    }
  }
}
