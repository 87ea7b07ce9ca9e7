package io.integrationhub.hl7.validation.schema.generate;

import java.util.List;

/**
 * An HL7 data type: a primitive (no components, rendered as a facet-less {@code xsd:string}
 * restriction) or a composite whose components' type names are listed in order.
 */
record DataTypeDef(String name, List<String> components) {

  DataTypeDef {
    components = List.copyOf(components);
  }

  boolean isPrimitive() {
    return components.isEmpty();
  }

  /** The element name of component {@code number} (from 1), e.g. {@code CX.4}. */
  String componentElement(int number) {
    return name + "." + number;
  }
}
