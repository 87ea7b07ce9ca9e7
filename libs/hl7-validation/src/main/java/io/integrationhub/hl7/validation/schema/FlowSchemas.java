package io.integrationhub.hl7.validation.schema;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The schemas of one flow: which structures exist, and for each the compiled schema and converter
 * model, built on first use and cached. Thread-safe.
 */
public final class FlowSchemas {

  private static final String XSD = ".xsd";

  private final SchemaSource source;
  private final String flow;
  private final boolean fullValidation;
  private final List<String> available;
  private final Map<String, Optional<CompiledStructure>> compiled = new ConcurrentHashMap<>();
  private final Map<String, Document> documents = new HashMap<>();

  /**
   * The schemas of {@code flow} in {@code source}.
   *
   * @throws IllegalArgumentException when the source has no such flow
   */
  public FlowSchemas(SchemaSource source, String flow) {
    this(source, flow, false);
  }

  /**
   * The schemas of {@code flow} in {@code source}; with {@code fullValidation} the validator always
   * uses the flow's own schema, never the equivalent structure schema (slower; for tests).
   *
   * @throws IllegalArgumentException when the source has no such flow
   */
  public FlowSchemas(SchemaSource source, String flow, boolean fullValidation) {
    this.source = source;
    this.flow = flow;
    this.fullValidation = fullValidation;
    List<String> stems = new ArrayList<>();
    for (String file : source.fileNames(flow)) {
      if (file.endsWith(XSD)) {
        stems.add(file.substring(0, file.length() - XSD.length()));
      }
    }
    if (stems.isEmpty()) {
      throw new IllegalArgumentException(
          "No schemas for flow '" + flow + "' in " + source.description());
    }
    this.available = List.copyOf(stems);
  }

  /** The flow name. */
  public String flow() {
    return flow;
  }

  /**
   * Every schema file stem of the flow, base files included, as the reference lists them (e.g.
   * {@code 2_5_fields, 2_5_segments, 2_5_types, ADT_A05, ADT_A39}).
   */
  public List<String> available() {
    return available;
  }

  /**
   * The compiled structure, or empty when the flow has no {@code <structure>.xsd} declaring a
   * {@code <structure>} root element.
   *
   * @throws SchemaException when the schema files cannot be read or compiled
   */
  public Optional<CompiledStructure> structure(String structure) throws SchemaException {
    Optional<CompiledStructure> known = compiled.get(structure);
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = compiled.get(structure);
      if (known == null) {
        known =
            available.contains(structure)
                ? Optional.ofNullable(build(structure))
                : Optional.empty();
        compiled.put(structure, known);
      }
      return known;
    }
  }

  private CompiledStructure build(String structure) throws SchemaException {
    String file = structure + XSD;
    XsdDeclarations declarations = new XsdDeclarations();
    for (Document document : closure(file)) {
      declarations.add(document);
    }
    if (!declarations.declares(structure)) {
      return null;
    }
    MessageStructure model = model(structure, declarations);
    Schema full = compile(file);
    if (fullValidation || !declarations.fieldContentUnconstrained(model.segments())) {
      return new CompiledStructure(model, full, false);
    }
    return new CompiledStructure(model, compileStructureSchema(model), true);
  }

  private Schema compileStructureSchema(MessageStructure model) throws SchemaException {
    try {
      return SecureXml.schemaFactory()
          .newSchema(
              new StreamSource(
                  new StringReader(StructureSchema.write(model)),
                  systemId(model.name() + ".structure.xsd")));
    } catch (SAXException e) {
      throw new SchemaException(
          "Cannot compile the structure schema of " + flow + "/" + model.name() + ": " + e, e);
    }
  }

  private static MessageStructure model(String structure, XsdDeclarations declarations) {
    Map<String, List<Particle>> sequences = new HashMap<>();
    Map<String, String> groupBySegment = new HashMap<>();
    Map<String, SegmentDefinition> segments = declarations.segments();
    Deque<String> containers = new ArrayDeque<>(List.of(structure));
    while (!containers.isEmpty()) {
      String container = containers.pop();
      if (sequences.containsKey(container)) {
        continue;
      }
      List<Particle> sequence = declarations.sequenceOf(container);
      sequences.put(container, sequence);
      for (Particle particle : sequence) {
        if (!segments.containsKey(particle.name()) && declarations.declares(particle.name())) {
          containers.add(particle.name());
        }
      }
      if (!container.equals(structure) && !sequence.isEmpty()) {
        groupBySegment.putIfAbsent(sequence.get(0).name(), container);
      }
    }
    return new MessageStructure(structure, sequences, groupBySegment, segments);
  }

  private List<Document> closure(String file) throws SchemaException {
    List<Document> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(file));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      Document document = document(next);
      found.add(document);
      for (Element child : XsdDeclarations.children(document.getDocumentElement())) {
        if ("include".equals(child.getLocalName())) {
          pending.add(includedFile(child.getAttribute("schemaLocation"), next));
        }
      }
    }
    return found;
  }

  private synchronized Document document(String file) throws SchemaException {
    Document document = documents.get(file);
    if (document == null) {
      try {
        document = SecureXml.parse(source.read(flow, file), systemId(file));
      } catch (IOException | SAXException e) {
        throw new SchemaException(
            "Cannot read schema " + flow + "/" + file + " from " + source.description() + ": " + e,
            e);
      }
      documents.put(file, document);
    }
    return document;
  }

  private Schema compile(String file) throws SchemaException {
    SchemaFactory factory = SecureXml.schemaFactory();
    factory.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          String included = includedFile(systemId, file);
          try {
            return new SchemaInput(systemId(included), source.read(flow, included));
          } catch (IOException e) {
            throw new IllegalStateException(
                "Cannot read included schema " + flow + "/" + included + ": " + e.getMessage(), e);
          }
        });
    try {
      return factory.newSchema(
          new StreamSource(new StringReader(source.read(flow, file)), systemId(file)));
    } catch (IOException | SAXException | RuntimeException e) {
      throw new SchemaException(
          "Cannot compile schema " + flow + "/" + file + " from " + source.description() + ": " + e,
          e);
    }
  }

  private String systemId(String file) {
    return "hub-schema:/" + flow + "/" + file;
  }

  private static String includedFile(String location, String includingFile) {
    if (location == null) {
      throw new IllegalStateException("An include without schemaLocation in " + includingFile);
    }
    String name = location.substring(location.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.startsWith(".")) {
      throw new IllegalStateException(
          "Include '"
              + location
              + "' in "
              + includingFile
              + " is not a file in the flow directory");
    }
    return name;
  }
}
