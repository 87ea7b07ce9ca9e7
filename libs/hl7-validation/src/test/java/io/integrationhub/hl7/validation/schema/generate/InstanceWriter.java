package io.integrationhub.hl7.validation.schema.generate;

import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Extension;
import io.integrationhub.hl7.validation.schema.generate.XsdDocument.Ref;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes an XML instance of a message structure from a schema set's declarations, the way the
 * converter does: every required child and every component of a composite is written (leaves with
 * the text {@code x}), repetitions once; which optional children are written too is chosen by a
 * predicate on the element reference (e.g. none, or all).
 */
final class InstanceWriter {

  private final Map<String, String> elementTypes = new HashMap<>();
  private final Map<String, List<Ref>> sequences = new HashMap<>();
  private final Map<String, Extension> extensions = new HashMap<>();
  private final Set<String> simpleTypes = new HashSet<>();
  private final Predicate<Ref> includeOptional;
  private final StringBuilder xml = new StringBuilder();

  private InstanceWriter(SchemaSet set, Predicate<Ref> includeOptional) {
    this.includeOptional = includeOptional;
    for (XsdDocument file : set.files().values()) {
      elementTypes.putAll(file.elements());
      sequences.putAll(file.sequences());
      extensions.putAll(file.extensions());
      simpleTypes.addAll(file.simpleTypeChildCounts().keySet());
    }
  }

  /** The instance of {@code root} with the optional children {@code includeOptional} accepts. */
  static String write(SchemaSet set, String root, Predicate<Ref> includeOptional) {
    InstanceWriter writer = new InstanceWriter(set, includeOptional);
    writer.xml.append("<").append(root).append(" xmlns=\"urn:hl7-org:v2xml\">");
    writer.content(writer.type(root));
    writer.xml.append("</").append(root).append(">");
    return writer.xml.toString();
  }

  /** The instance with only the required children. */
  static String minimal(SchemaSet set, String root) {
    return write(set, root, ref -> false);
  }

  /** The instance with every child once. */
  static String full(SchemaSet set, String root) {
    return write(set, root, ref -> true);
  }

  private String type(String element) {
    String type = elementTypes.get(element);
    if (type == null) {
      throw new IllegalArgumentException("No global element " + element);
    }
    return type;
  }

  private void element(String name) {
    xml.append("<").append(name).append(">");
    content(type(name));
    xml.append("</").append(name).append(">");
  }

  private void content(String type) {
    if (simpleTypes.contains(type)) {
      xml.append("x");
    } else if (sequences.containsKey(type)) {
      for (Ref ref : sequences.get(type)) {
        if (!ref.minOccurs().equals("0") || includeOptional.test(ref)) {
          element(ref.name());
        }
      }
    } else if (extensions.containsKey(type)) {
      content(extensions.get(type).base());
    } else {
      throw new IllegalArgumentException("Undeclared type " + type);
    }
  }
}
