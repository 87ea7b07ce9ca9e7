package io.integrationhub.bench;

import ca.uhn.hl7v2.model.Message;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.Hl7Parser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** HAPI parse of the PHW-style sample with the hub's lenient parser configuration. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Hl7ParseBenchmark {
  private final String message = SampleMessages.phwA31();
  private final Hl7Parser parser = Hl7Parser.shared();

  @Benchmark
  public Message parsePhwSample() throws Hl7ParseException {
    return parser.parse(message);
  }
}
