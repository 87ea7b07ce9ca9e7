package io.integrationhub.bench;

import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.AckCode;
import io.integrationhub.hl7.parse.Hl7ParseException;
import io.integrationhub.hl7.parse.MessageHeader;
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

/** Reading the inbound header and building the reference ACK, as the servers do per message. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AckBuildBenchmark {
  private final String message = SampleMessages.phwA31();
  private final AckBuilder builder = new AckBuilder();

  @Benchmark
  public String headerAndAck() throws Hl7ParseException {
    return builder.build(MessageHeader.parse(message), AckCode.AA);
  }
}
