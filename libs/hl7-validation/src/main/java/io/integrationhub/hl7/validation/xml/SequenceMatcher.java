package io.integrationhub.hl7.validation.xml;

import io.integrationhub.hl7.validation.schema.Particle;
import java.util.List;

/**
 * Walks a message or group sequence over the children seen so far to name the element the schema
 * expected, for error texts like the reference's ("Tag 'PV1' expected").
 */
final class SequenceMatcher {

  private SequenceMatcher() {}

  /**
   * The next required element after {@code children} when {@code next} is not acceptable (or the
   * content ends when {@code next} is null); null when nothing more is required.
   */
  static String expected(List<Particle> sequence, List<String> children, String next) {
    int index = 0;
    int count = 0;
    for (String child : children) {
      while (index < sequence.size()) {
        Particle particle = sequence.get(index);
        if (particle.name().equals(child) && count < particle.maxOccurs()) {
          count++;
          break;
        }
        if (count < particle.minOccurs()) {
          return particle.name();
        }
        index++;
        count = 0;
      }
      if (index == sequence.size()) {
        return null;
      }
    }
    while (index < sequence.size()) {
      Particle particle = sequence.get(index);
      if (next != null && particle.name().equals(next) && count < particle.maxOccurs()) {
        return null;
      }
      if (count < particle.minOccurs()) {
        return particle.name();
      }
      index++;
      count = 0;
    }
    return null;
  }
}
