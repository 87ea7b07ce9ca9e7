package io.integrationhub.transform;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Mapper building blocks that read like the mapping tables: {@code copy("PID.5")}, {@code
 * copy("PID.3", "PID.3")}, {@code constant("MSH.12", "2.5")}, {@code when(in -> ..., mapper)},
 * {@code convert("MSH.7.1", "MSH.7", DateTimes::phw)}, {@code copyFields("PID", 1, 28)}.
 */
public final class Mappings {

  private Mappings() {}

  /** Copies the value (first repetition) at {@code path} to the same path, if it has one. */
  public static Mapper copy(String path) {
    return copy(path, path);
  }

  /** Copies the value at {@code source} to {@code target}, if it has one ({@code ""} counts). */
  public static Mapper copy(String source, String target) {
    Hl7Path from = Hl7Path.parse(source);
    Hl7Path to = Hl7Path.parse(target);
    return (in, out, audit) -> out.set(to, in.value(from));
  }

  /** Writes a constant. */
  public static Mapper constant(String target, String value) {
    Hl7Path to = Hl7Path.parse(target);
    return (in, out, audit) -> out.set(to, value);
  }

  /** Runs {@code mapper} only when {@code condition} holds for the inbound message. */
  public static Mapper when(Predicate<InboundMessage> condition, Mapper mapper) {
    return (in, out, audit) -> {
      if (condition.test(in)) {
        mapper.map(in, out, audit);
      }
    };
  }

  /** Copies every repetition (empty ones too) of fields {@code from}..{@code to} of a segment. */
  public static Mapper copyFields(String segment, int from, int to) {
    return (in, out, audit) -> {
      for (int field = from; field <= to; field++) {
        out.setRepetitions(segment, 1, field, in.repetitions(segment, 1, field));
      }
    };
  }

  /** Writes {@code convert(value at source)} to {@code target} when the source has a value. */
  public static Mapper convert(String source, String target, Conversion conversion) {
    Hl7Path from = Hl7Path.parse(source);
    Hl7Path to = Hl7Path.parse(target);
    return (in, out, audit) -> {
      String value = in.value(from);
      if (!value.isEmpty()) {
        out.set(to, conversion.apply(value));
      }
    };
  }

  /** A value conversion that may reject the value (naming the field, never quoting the value). */
  @FunctionalInterface
  public interface Conversion {
    /** The converted value. */
    String apply(String value) throws TransformException;
  }

  /** All of {@code mappers}, in order. */
  public static Mapper all(List<Mapper> mappers) {
    return (in, out, audit) -> {
      for (Mapper mapper : mappers) {
        mapper.map(in, out, audit);
      }
    };
  }

  /** A string function as a conversion that never fails. */
  public static Conversion plain(UnaryOperator<String> function) {
    return function::apply;
  }
}
