package io.integrationhub.hl7.validation.schema.generate;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractGroup;
import ca.uhn.hl7v2.model.Structure;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a standard message structure from HAPI's model: instantiates the message class of the
 * version and walks {@link AbstractGroup#getNames()} with {@code isRequired}, {@code isRepeating}
 * and {@code isGroup}.
 *
 * <p>Segments are named by their class ({@code ROL}, where HAPI names a second occurrence {@code
 * ROL2}); groups by their class name without the structure prefix ({@code ADT_A05_PROCEDURE} ->
 * {@code PROCEDURE}, v2.3.1 {@code ADT_A39_PIDPD1MRGPV1} -> {@code PIDPD1MRGPV1}), which is the
 * reference's (v2.xml) group naming.
 */
final class HapiStructureReader {

  private HapiStructureReader() {}

  /** Reads structure {@code name} (e.g. {@code ADT_A05}) of {@code version}. */
  static StructureDef read(Hl7Version version, String name) {
    String className = version.hapiPackage() + ".message." + name;
    AbstractGroup message;
    try {
      message =
          (AbstractGroup)
              Class.forName(className, true, HapiStructureReader.class.getClassLoader())
                  .getConstructor()
                  .newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | ClassCastException e) {
      throw new IllegalArgumentException(
          "No HAPI message structure " + name + " in HL7 v" + version.id(), e);
    }
    try {
      List<GroupDef> groups = new ArrayList<>();
      List<ChildRef> children = readChildren(message, name, groups);
      return new StructureDef(name, children, groups);
    } catch (HL7Exception e) {
      throw new IllegalStateException("Cannot read HAPI structure " + className, e);
    }
  }

  private static List<ChildRef> readChildren(
      AbstractGroup parent, String structure, List<GroupDef> groups) throws HL7Exception {
    List<ChildRef> children = new ArrayList<>();
    for (String childName : parent.getNames()) {
      Occurs occurs = Occurs.of(parent.isRequired(childName), parent.isRepeating(childName));
      Class<? extends Structure> type = parent.getClass(childName);
      if (parent.isGroup(childName)) {
        String group = groupName(structure, type, childName);
        List<ChildRef> groupChildren =
            readChildren((AbstractGroup) parent.get(childName), structure, groups);
        groups.add(new GroupDef(group, groupChildren));
        children.add(ChildRef.group(group, occurs));
      } else {
        children.add(ChildRef.segment(type.getSimpleName(), occurs));
      }
    }
    return children;
  }

  private static String groupName(
      String structure, Class<? extends Structure> type, String childName) {
    String prefix = structure + "_";
    String className = type.getSimpleName();
    return className.startsWith(prefix) ? className.substring(prefix.length()) : childName;
  }
}
