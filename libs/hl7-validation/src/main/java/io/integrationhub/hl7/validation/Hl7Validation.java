package io.integrationhub.hl7.validation;

import io.integrationhub.hl7.validation.schema.DirectorySchemaSource;
import io.integrationhub.hl7.validation.schema.FlowSchemas;
import io.integrationhub.hl7.validation.schema.SchemaSource;
import io.integrationhub.hl7.validation.schema.generate.BuiltInSchemaSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point: the per-flow validators over one schema source (the built-in schemas generated from
 * HAPI's model, or an operator's directory given by {@code HL7_VALIDATION_SCHEMA_DIR}).
 * Thread-safe; validators and their compiled schemas are cached.
 */
public final class Hl7Validation {

  private final SchemaSource source;
  private final boolean fullSchemaValidation;
  private final Map<String, FlowValidator> validators = new ConcurrentHashMap<>();

  /** Validation over {@code source}. */
  public Hl7Validation(SchemaSource source) {
    this(source, false);
  }

  private Hl7Validation(SchemaSource source, boolean fullSchemaValidation) {
    this.source = source;
    this.fullSchemaValidation = fullSchemaValidation;
  }

  /**
   * The same validation, always running the flow's own schemas over the whole XML. By default, when
   * a schema's field content cannot fail (no facets, every component once: true for the built-in
   * and the reference's schemas), only segments and fields are validated, against an equivalent
   * schema derived from it; this switch exists to prove that equivalence in tests.
   */
  public Hl7Validation withFullSchemaValidation() {
    return new Hl7Validation(source, true);
  }

  /** Validation with the built-in schemas (phw, paris, chemo, pims, mosaiq, wds). */
  public static Hl7Validation builtIn() {
    return new Hl7Validation(new BuiltInSchemaSource());
  }

  /** Validation with the schemas of an operator's directory ({@code <dir>/<flow>/*.xsd}). */
  public static Hl7Validation fromDirectory(Path directory) {
    return new Hl7Validation(new DirectorySchemaSource(directory));
  }

  /** Validation as {@code settings} say (directory when set, else built-in). */
  public static Hl7Validation from(ValidationSettings settings) {
    return settings
        .schemaDirectory()
        .map(Hl7Validation::fromDirectory)
        .orElseGet(Hl7Validation::builtIn);
  }

  /** Where the schemas come from. */
  public SchemaSource source() {
    return source;
  }

  /** The flows with schemas, sorted. */
  public Set<String> flows() {
    return new TreeSet<>(source.flows());
  }

  /**
   * The validator of one flow.
   *
   * @throws UnknownFlowException when there are no schemas for {@code flow}
   */
  public FlowValidator flow(String flow) {
    if (flow == null || !source.flows().contains(flow)) {
      throw new UnknownFlowException(flow, flows(), source.description());
    }
    return validators.computeIfAbsent(
        flow, name -> new FlowValidator(new FlowSchemas(source, name, fullSchemaValidation)));
  }
}
