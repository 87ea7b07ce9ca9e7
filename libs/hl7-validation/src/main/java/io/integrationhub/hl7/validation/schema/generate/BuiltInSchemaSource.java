package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.SchemaSource;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in per-flow XSD sets, generated from HAPI's HL7 model (not shipped as files): per flow
 * the base files of its HL7 version ({@code <prefix>_types.xsd}, {@code _fields.xsd}, {@code
 * _segments.xsd}) and one file per message structure, shaped like the reference hub's sets so the
 * same XML validates against both.
 *
 * <p>Files are generated lazily and memoised: the base files once per HL7 version (shared by the
 * flows of that version), the structure files once per flow. Thread-safe. {@link
 * WriteBuiltInSchemas} writes them out for an operator to edit.
 */
public final class BuiltInSchemaSource implements SchemaSource {

  private final Map<String, BuiltInFlow> flows = new TreeMap<>();
  private final Map<Hl7Version, Memoized<Map<String, String>>> baseFiles =
      new EnumMap<>(Hl7Version.class);
  private final Map<String, Memoized<Map<String, String>>> flowFiles = new TreeMap<>();

  /**
   * A source of the built-in flows (chemo, mosaiq, paris, phw, pims, wds); generates nothing yet.
   */
  public BuiltInSchemaSource() {
    for (Hl7Version version : Hl7Version.values()) {
      baseFiles.put(version, new Memoized<>(() -> BaseFiles.generate(version)));
    }
    for (BuiltInFlow flow : BuiltInFlows.ALL) {
      flows.put(flow.name(), flow);
      flowFiles.put(flow.name(), new Memoized<>(() -> generateFlowFiles(flow)));
    }
  }

  @Override
  public String description() {
    return "built-in";
  }

  @Override
  public Set<String> flows() {
    return Collections.unmodifiableSet(flows.keySet());
  }

  @Override
  public List<String> fileNames(String flow) {
    BuiltInFlow builtInFlow = flows.get(flow);
    return builtInFlow == null ? List.of() : builtInFlow.fileNames();
  }

  @Override
  public String read(String flow, String fileName) throws NoSuchFileException {
    Memoized<Map<String, String>> files = flowFiles.get(flow);
    if (files == null) {
      throw new NoSuchFileException(flow + "/" + fileName, null, "no built-in flow " + flow);
    }
    String text = files.get().get(fileName);
    if (text == null) {
      throw new NoSuchFileException(
          flow + "/" + fileName, null, "no such file in built-in flow " + flow);
    }
    return text;
  }

  private Map<String, String> generateFlowFiles(BuiltInFlow flow) {
    Map<String, String> files = new LinkedHashMap<>(baseFiles.get(flow.version()).get());
    for (FlowStructure structure : flow.structures()) {
      String text = StructureSchemaRenderer.render(flow.version(), structure.build(flow.version()));
      files.put(structure.fileName(), text);
    }
    return Collections.unmodifiableMap(files);
  }
}
