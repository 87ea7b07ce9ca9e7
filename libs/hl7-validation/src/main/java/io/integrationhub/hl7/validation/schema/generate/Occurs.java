package io.integrationhub.hl7.validation.schema.generate;

/**
 * How often a field, segment or group may occur: XSD's {@code minOccurs}/{@code maxOccurs}, with
 * {@link #UNBOUNDED} for {@code maxOccurs="unbounded"} (xmlschema-core's own convention).
 */
record Occurs(long min, long max) {

  /** The {@code max} of an unlimited repetition. */
  static final long UNBOUNDED = Long.MAX_VALUE;

  Occurs {
    if (min < 0 || max < 1 || min > max) {
      throw new IllegalArgumentException("Invalid occurrence range " + min + ".." + max);
    }
  }

  /** Exactly once. */
  static Occurs required() {
    return new Occurs(1, 1);
  }

  /** Occurrences of a segment or group child: {@code 0|1 .. 1|unbounded}. */
  static Occurs of(boolean required, boolean repeating) {
    return new Occurs(required ? 1 : 0, repeating ? UNBOUNDED : 1);
  }

  /** Occurrences of a field given HAPI's maximum repetitions, where 0 means unlimited. */
  static Occurs ofField(boolean required, int hapiMaxRepetitions) {
    return new Occurs(required ? 1 : 0, hapiMaxRepetitions <= 0 ? UNBOUNDED : hapiMaxRepetitions);
  }

  /** The same maximum, but optional. */
  Occurs optional() {
    return new Occurs(0, max);
  }

  boolean isUnbounded() {
    return max == UNBOUNDED;
  }

  @Override
  public String toString() {
    return min + ".." + (isUnbounded() ? "*" : Long.toString(max));
  }
}
