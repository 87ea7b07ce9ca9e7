package io.integrationhub.transform.vectors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One conformance vector of a transformer flow.
 *
 * @param name the vector name, e.g. {@code valid_message}
 * @param flow the flow folder name, e.g. {@code phw}
 * @param input the exact content of {@code <name>.in.hl7}
 * @param expectedOutput the content of {@code <name>.out.hl7}, when the vector has one
 * @param expectations the parsed lines of {@code <name>.expect.txt}
 */
public record TransformVector(
    String name,
    String flow,
    String input,
    Optional<String> expectedOutput,
    List<Expectation> expectations) {

  /** Checks the components are not null and copies the expectation list. */
  public TransformVector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(expectedOutput, "expectedOutput");
    expectations = List.copyOf(expectations);
  }

  /** {@code flow/name}, which also makes parameterized test names readable. */
  @Override
  public String toString() {
    return flow + "/" + name;
  }
}
