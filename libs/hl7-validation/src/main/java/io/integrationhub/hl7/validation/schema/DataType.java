package io.integrationhub.hl7.validation.schema;

import java.util.List;

/**
 * An HL7 data type as a schema declares it: a primitive (text only) or a composite with component
 * elements in order (e.g. {@code CX} with {@code CX.1} .. {@code CX.10}).
 */
public final class DataType {

  private final String name;
  private List<Component> components = List.of();

  DataType(String name) {
    this.name = name;
  }

  /** The type name, e.g. {@code CX} or {@code ST}. */
  public String name() {
    return name;
  }

  /** The components in order; empty for a primitive type. */
  public List<Component> components() {
    return components;
  }

  /** Whether the type has components. */
  public boolean isComposite() {
    return !components.isEmpty();
  }

  void components(List<Component> components) {
    this.components = List.copyOf(components);
  }

  /**
   * One component of a composite type.
   *
   * @param element the component element name, e.g. {@code CX.4}
   * @param type its type, e.g. {@code HD}
   */
  public record Component(String element, DataType type) {}
}
