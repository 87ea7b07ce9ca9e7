package io.integrationhub.bench;

import io.integrationhub.hl7.validation.FlowValidator;
import io.integrationhub.hl7.validation.Hl7Validation;
import io.integrationhub.hl7.validation.ValidationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ER7 to HL7 v2 XML plus XSD validation with the built-in schemas: {@code validate} streams the
 * conversion into the validator (what the MLLP server does per message), {@code validateAndConvert}
 * also writes the XML text (for the message store).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

  @Param({"phw", "chemo"})
  public String flow;

  /** {@code bench}: this project's sample for the flow; otherwise a message file to use. */
  @Param("bench")
  public String sample;

  private FlowValidator validator;
  private String message;

  @Setup
  public void setUp() {
    validator = Hl7Validation.builtIn().flow(flow).warmUp();
    if (!"bench".equals(sample)) {
      message = SampleMessages.load(sample);
    } else if ("phw".equals(flow)) {
      message = SampleMessages.phwA31WithoutZSegment();
    } else {
      message = SampleMessages.chemoA28();
    }
    ValidationResult result = validator.validateAndConvert(message);
    if (!result.isValid()) {
      throw new IllegalStateException("Benchmark sample is not valid: " + result);
    }
  }

  @Benchmark
  public ValidationResult validate() {
    return validator.validate(message);
  }

  @Benchmark
  public ValidationResult validateAndConvert() {
    return validator.validateAndConvert(message);
  }
}
