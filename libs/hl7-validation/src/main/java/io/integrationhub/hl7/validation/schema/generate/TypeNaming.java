package io.integrationhub.hl7.validation.schema.generate;

import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import java.util.EnumMap;
import java.util.Map;

/**
 * Names HAPI data types as the reference hub's schemas do: HAPI's class name (e.g. {@code CX},
 * {@code TSComponentOne}, {@code NULLDT}), {@code GenericPrimitive} for {@link Varies} fields (e.g.
 * OBX-5), and a per-version rename table for classes whose name differs from the reference.
 *
 * <p>The rename tables are empty: {@code ReferenceSchemaComparisonTest} compared every field and
 * component element of the four versions against the reference schema sets and found that HAPI
 * 2.6.0's class names already equal the reference's (HAPI names v2.3.1 MSH-9 {@code MSG}, not
 * {@code CM_MSG}, and the reference itself uses HAPI's {@code TSComponentOne} for TS.1 in v2.3.1
 * and v2.4). Add an entry here if a HAPI upgrade makes that test report a type-name difference.
 */
final class TypeNaming {

  /** The type of fields whose data type varies at run time (HAPI {@link Varies}). */
  static final String VARIES = "GenericPrimitive";

  private static final Map<Hl7Version, Map<String, String>> RENAMES = renames();

  private TypeNaming() {}

  private static Map<Hl7Version, Map<String, String>> renames() {
    Map<Hl7Version, Map<String, String>> renames = new EnumMap<>(Hl7Version.class);
    for (Hl7Version version : Hl7Version.values()) {
      renames.put(version, Map.of()); // HAPI class name -> reference name; none needed, see above.
    }
    return renames;
  }

  /** The schema name of a HAPI type instance's data type. */
  static String nameOf(Hl7Version version, Type type) {
    if (type instanceof Varies) {
      return VARIES;
    }
    String hapiName = type.getClass().getSimpleName();
    return RENAMES.get(version).getOrDefault(hapiName, hapiName);
  }
}
