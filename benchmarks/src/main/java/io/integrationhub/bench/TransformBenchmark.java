package io.integrationhub.bench;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.Transformed;
import io.integrationhub.transform.chemo.ChemocareTransformer;
import io.integrationhub.transform.phw.PhwTransformer;
import io.integrationhub.transform.pims.PimsTransformer;
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

/** One message through a flow's transformer: parse, map, encode, audit text. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransformBenchmark {

  @Param({"phw", "chemo", "pims"})
  public String flow;

  private FlowTransformer transformer;
  private String message;

  @Setup
  public void setUp() throws TransformException {
    switch (flow) {
      case "phw" -> {
        transformer = new PhwTransformer();
        message = SampleMessages.phwA31WithoutZSegment();
      }
      case "chemo" -> {
        transformer = new ChemocareTransformer();
        message = SampleMessages.chemoA28();
      }
      default -> {
        transformer = new PimsTransformer();
        message = SampleMessages.pimsA28();
      }
    }
    transformer.transform(message);
  }

  @Benchmark
  public Transformed transform() throws TransformException {
    return transformer.transform(message);
  }
}
