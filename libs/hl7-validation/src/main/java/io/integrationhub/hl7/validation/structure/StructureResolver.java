package io.integrationhub.hl7.validation.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Finds the message structure (e.g. {@code ADT_A05}) of a message from MSH-9:
 *
 * <ol>
 *   <li>MSH-9.3 when present (so {@code ADT^A28^ADT_A39} is {@code ADT_A39});
 *   <li>else the HL7 standard event table for MSH-9.1 and MSH-9.2 ({@code ADT^A28} and {@code
 *       ADT^A31} are {@code ADT_A05}, {@code ADT^A40} is {@code ADT_A39}, {@code ADT^A04} and
 *       {@code ADT^A08} are {@code ADT_A01}, ...), the v2.5 table HAPI ships, for every version
 *       like the reference hub's map;
 *   <li>else {@code <MSH-9.1>_<MSH-9.2>} (just the trigger when MSH-9.1 is empty).
 * </ol>
 *
 * <p>A structure name must look like one ({@code ADT_A05}: letters, digits and underscores), so
 * that no message text can reach a file name.
 */
public final class StructureResolver {

  private static final Pattern STRUCTURE_NAME =
      Pattern.compile("[A-Za-z0-9]{1,8}(_[A-Za-z0-9]{1,8})?");
  private static final String EVENT_MAP = "/ca/uhn/hl7v2/parser/eventmap/2.5.properties";
  private static final StructureResolver STANDARD = new StructureResolver(loadStandardTable());

  private final Map<String, String> eventToStructure;

  private StructureResolver(Map<String, String> eventToStructure) {
    this.eventToStructure = Map.copyOf(eventToStructure);
  }

  /** The resolver with the HL7 standard event table. */
  public static StructureResolver standard() {
    return STANDARD;
  }

  /**
   * The structure of a message with this MSH-9.
   *
   * @throws StructureException when MSH-9.2 and MSH-9.3 are both empty, or the result is not a
   *     structure name
   */
  public String resolve(MessageType type) throws StructureException {
    String structure;
    if (!type.structure().isEmpty()) {
      structure = type.structure();
    } else if (!type.trigger().isEmpty()) {
      structure = fromEvent(type.code(), type.trigger());
    } else {
      throw new StructureException("Unable to determine structure or trigger from ER7 message");
    }
    if (!STRUCTURE_NAME.matcher(structure).matches()) {
      throw new StructureException(
          "MSH-9 does not name a valid message structure (expected e.g. ADT_A05)");
    }
    return structure;
  }

  /** The standard structure of an event, e.g. {@code ADT}, {@code A31} gives {@code ADT_A05}. */
  public Optional<String> standardStructure(String code, String trigger) {
    return Optional.ofNullable(eventToStructure.get(code + "_" + trigger));
  }

  private String fromEvent(String code, String trigger) {
    if (code.isEmpty()) {
      return trigger;
    }
    return standardStructure(code, trigger).orElse(code + "_" + trigger);
  }

  private static Map<String, String> loadStandardTable() {
    Properties table = new Properties();
    try (InputStream in = StructureResolver.class.getResourceAsStream(EVENT_MAP)) {
      if (in == null) {
        throw new IllegalStateException("HAPI v2.5 event map not on the class path: " + EVENT_MAP);
      }
      table.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> map = new HashMap<>();
    table.stringPropertyNames().forEach(event -> map.put(event, table.getProperty(event).strip()));
    return map;
  }
}
