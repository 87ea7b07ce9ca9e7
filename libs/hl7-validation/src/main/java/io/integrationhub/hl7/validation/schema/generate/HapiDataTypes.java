package io.integrationhub.hl7.validation.schema.generate;

import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the data types of one version from HAPI type instances, composites recursively through
 * {@link Composite#getComponents()}. Not thread-safe: one instance per generation.
 */
final class HapiDataTypes {

  private final Hl7Version version;
  private final Map<String, DataTypeDef> definitions = new TreeMap<>();
  private final Map<String, Class<?>> classes = new HashMap<>();

  HapiDataTypes(Hl7Version version) {
    this.version = version;
  }

  /** Registers the data type of {@code type} (and its components') and returns its name. */
  String register(Type type) {
    String name = TypeNaming.nameOf(version, type);
    Class<?> known = classes.putIfAbsent(name, type.getClass());
    if (known == null) {
      List<String> components = new ArrayList<>();
      if (type instanceof Composite composite) {
        for (Type component : composite.getComponents()) {
          components.add(register(component));
        }
      }
      definitions.put(name, new DataTypeDef(name, components));
    } else if (!known.equals(type.getClass())) {
      throw new IllegalStateException(
          "HL7 v"
              + version.id()
              + ": data type "
              + name
              + " would stand for both "
              + known.getName()
              + " and "
              + type.getClass().getName());
    }
    return name;
  }

  /** The registered data types, sorted by name. */
  List<DataTypeDef> definitions() {
    return List.copyOf(definitions.values());
  }
}
