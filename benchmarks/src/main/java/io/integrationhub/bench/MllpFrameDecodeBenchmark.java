package io.integrationhub.bench;

import io.integrationhub.mllp.codec.MllpFrame;
import io.integrationhub.mllp.codec.MllpFrameDecoder;
import io.integrationhub.mllp.codec.MllpFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Decoding one framed 1.5 KB message through the MLLP frame decoder. */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MllpFrameDecodeBenchmark {
  private EmbeddedChannel channel;
  private ByteBuf frame;

  @Setup
  public void setUp() {
    channel = new EmbeddedChannel(new MllpFrameDecoder(1_048_576));
    frame =
        Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(
                MllpFrames.frame(SampleMessages.phwA31().getBytes(StandardCharsets.UTF_8))));
  }

  @Benchmark
  public MllpFrame decodeOneFrame() {
    channel.writeInbound(frame.retainedDuplicate());
    return channel.readInbound();
  }

  @TearDown
  public void tearDown() {
    channel.finishAndReleaseAll();
  }
}
