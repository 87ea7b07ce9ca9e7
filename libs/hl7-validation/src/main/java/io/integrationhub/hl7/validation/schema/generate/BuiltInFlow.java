package io.integrationhub.hl7.validation.schema.generate;

import java.util.ArrayList;
import java.util.List;

/** A built-in flow: its name, its HL7 version and the message structures it validates. */
record BuiltInFlow(String name, Hl7Version version, List<FlowStructure> structures) {

  BuiltInFlow {
    structures = List.copyOf(structures);
  }

  /** The flow's file names, sorted: the version's three base files and one per structure. */
  List<String> fileNames() {
    List<String> names = new ArrayList<>();
    names.add(version.typesFile());
    names.add(version.fieldsFile());
    names.add(version.segmentsFile());
    structures.forEach(structure -> names.add(structure.fileName()));
    return names.stream().sorted().toList();
  }
}
