package io.integrationhub.mllp.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MllpFrameDecoderTest {

  private static final byte SB = 0x0B;
  private static final byte EB = 0x1C;
  private static final byte CR = 0x0D;

  private final MllpFrameDecoder decoder = new MllpFrameDecoder(100);
  private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

  @Test
  void decodesOneFrame() {
    feed(frame("MSH|^~\\&|A"));

    assertThat(texts()).containsExactly("MSH|^~\\&|A");
    assertThat(decoder.hasPartialFrame()).isFalse();
  }

  @Test
  void keepsPayloadBytesUnchanged() {
    byte[] payload = {'M', 'S', 'H', CR, 'P', 'I', 'D', (byte) 0xC3, (byte) 0xA9, CR, '\n', 0};
    feed(frame(payload));

    assertThat(frames()).singleElement().satisfies(f -> assertThat(f.payload()).isEqualTo(payload));
  }

  @Test
  void decodesFrameSplitByteByByte() {
    byte[] frame = frame("MSH|one\rPID|1");
    for (byte b : frame) {
      feed(new byte[] {b});
    }

    assertThat(texts()).containsExactly("MSH|one\rPID|1");
  }

  @Test
  void decodesFramesSplitInRandomPieces() {
    List<String> sent = List.of("MSH|first", "MSH|second\rPID|2", "", "MSH|fourth");
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (String text : sent) {
      stream.writeBytes("noise".getBytes(US_ASCII));
      stream.writeBytes(frame(text));
    }
    byte[] bytes = stream.toByteArray();
    for (long seed = 1; seed <= 20; seed++) {
      EmbeddedChannel fresh = new EmbeddedChannel(new MllpFrameDecoder(100));
      Random random = new Random(seed);
      int offset = 0;
      while (offset < bytes.length) {
        int length = Math.min(bytes.length - offset, 1 + random.nextInt(9));
        fresh.writeInbound(Unpooled.copiedBuffer(bytes, offset, length));
        offset += length;
      }
      assertThat(texts(fresh)).as("seed %d", seed).isEqualTo(sent);
    }
  }

  @Test
  void decodesTwoFramesInOneBuffer() {
    feed(concat(frame("MSH|1"), frame("MSH|2")));

    assertThat(texts()).containsExactly("MSH|1", "MSH|2");
  }

  @Test
  void decodesThreeFramesInOneBuffer() {
    feed(concat(frame("MSH|1"), frame("MSH|2"), frame("MSH|3")));

    assertThat(texts()).containsExactly("MSH|1", "MSH|2", "MSH|3");
  }

  @Test
  void discardsGarbageBeforeStartBlockAndBetweenFrames() {
    feed(
        concat(
            "\r\nxx".getBytes(US_ASCII),
            frame("MSH|1"),
            "junk".getBytes(US_ASCII),
            frame("MSH|2")));

    assertThat(texts()).containsExactly("MSH|1", "MSH|2");
    assertThat(decoder.discardedBytes()).isEqualTo(8);
  }

  @Test
  void garbageWithoutStartBlockIsDiscardedAndReleased() {
    ByteBuf garbage = Unpooled.copiedBuffer("no frame here", US_ASCII);
    channel.writeInbound(garbage);

    assertThat(frames()).isEmpty();
    assertThat(garbage.refCnt()).isZero();
    assertThat(decoder.discardedBytes()).isEqualTo(13);
  }

  @Test
  void toleratesMissingCarriageReturnAfterEndBlock() {
    byte[] first = Arrays.copyOf(frame("MSH|1"), frame("MSH|1").length - 1);
    byte[] last = Arrays.copyOf(frame("MSH|3"), frame("MSH|3").length - 1);
    feed(concat(first, frame("MSH|2"), last));

    assertThat(texts()).containsExactly("MSH|1", "MSH|2", "MSH|3");
    assertThat(decoder.discardedBytes()).isZero();
  }

  @Test
  void consumesCarriageReturnArrivingInALaterRead() {
    byte[] frame = frame("MSH|1");
    feed(Arrays.copyOf(frame, frame.length - 1));
    feed(new byte[] {CR});

    assertThat(texts()).containsExactly("MSH|1");
    assertThat(decoder.discardedBytes()).isZero();
  }

  @Test
  void passesEachFrameOnBeforeLookingAtTheBytesAfterIt() {
    List<Long> discardedWhenFrameArrived = new ArrayList<>();
    EmbeddedChannel observed =
        new EmbeddedChannel(
            new MllpFrameDecoder(100),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                MllpFrameDecoder frameDecoder = ctx.pipeline().get(MllpFrameDecoder.class);
                discardedWhenFrameArrived.add(frameDecoder.discardedBytes());
              }
            });

    observed.writeInbound(
        Unpooled.wrappedBuffer(concat(frame("MSH|1"), "junk".getBytes(US_ASCII), frame("MSH|2"))));

    assertThat(discardedWhenFrameArrived).containsExactly(0L, 4L);
  }

  @Test
  void emitsEmptyFrame() {
    feed(new byte[] {SB, EB, CR});

    assertThat(frames()).singleElement().satisfies(f -> assertThat(f.payload()).isEmpty());
  }

  @Test
  void startBlockInsideContentIsContent() {
    feed(concat(new byte[] {SB}, "MSH|a".getBytes(US_ASCII), new byte[] {SB, 'b', EB, CR}));

    assertThat(frames())
        .singleElement()
        .satisfies(
            f -> assertThat(f.payload()).isEqualTo(new byte[] {'M', 'S', 'H', '|', 'a', SB, 'b'}));
  }

  @Test
  void halfFrameThenCloseProducesNoFrame() {
    feed(concat(new byte[] {SB}, "MSH|partial".getBytes(US_ASCII)));

    assertThat(channel.finish()).isFalse();
    assertThat(channel.<Object>readInbound()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 2000})
  void frameOfExactlyTheLimitPasses(int limit) {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(limit));
    byte[] frame = frame(content(limit - 3));
    assertThat(frame).hasSize(limit);

    limited.writeInbound(Unpooled.wrappedBuffer(frame));

    assertThat(limited.<Object>readInbound())
        .isInstanceOfSatisfying(MllpFrame.class, f -> assertThat(f.payload()).hasSize(limit - 3));
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 2000})
  void frameOfLimitPlusOneIsRejected(int limit) {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(limit));
    byte[] frame = frame(content(limit - 2));
    assertThat(frame).hasSize(limit + 1);

    limited.writeInbound(Unpooled.wrappedBuffer(frame));

    assertThat(limited.<Object>readInbound()).isEqualTo(new MllpFrameTooLarge(limit, limit));
    assertThat(limited.<Object>readInbound()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 2000})
  void rejectsBeforeTheWholeFrameHasArrived(int limit) {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(limit));
    byte[] oversized = frame(content(limit + 500));

    // SB + (limit - 2) content bytes: the frame can no longer fit, no end block seen yet.
    limited.writeInbound(Unpooled.copiedBuffer(oversized, 0, limit - 1));

    assertThat(limited.<Object>readInbound()).isEqualTo(new MllpFrameTooLarge(limit - 1, limit));
  }

  @Test
  void doesNotRejectWhileTheFrameCanStillFit() {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(50));
    byte[] frame = frame(content(47));

    limited.writeInbound(Unpooled.copiedBuffer(frame, 0, 48)); // SB + all 47 content bytes
    assertThat(limited.<Object>readInbound()).isNull();
    limited.writeInbound(Unpooled.copiedBuffer(frame, 48, 2));

    assertThat(limited.<Object>readInbound()).isInstanceOf(MllpFrame.class);
  }

  @Test
  void rejectsOversizedFrameFedByteByByteAsSoonAsItCannotFit() {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(50));
    byte[] oversized = frame(content(200));
    int fed = 0;
    Object first = null;
    while (first == null && fed < oversized.length) {
      limited.writeInbound(Unpooled.wrappedBuffer(new byte[] {oversized[fed++]}));
      first = limited.readInbound();
    }

    assertThat(first).isEqualTo(new MllpFrameTooLarge(49, 50));
    assertThat(fed).isEqualTo(49);
  }

  @Test
  void discardsAllInputAfterRejectionAndReleasesBuffers() {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(50));
    MllpFrameDecoder limitedDecoder = limited.pipeline().get(MllpFrameDecoder.class);
    ByteBuf start = Unpooled.copiedBuffer(frame(content(30)), 0, 20);
    ByteBuf overflow = Unpooled.copiedBuffer(content(40), US_ASCII);
    limited.writeInbound(start);
    limited.writeInbound(overflow);
    assertThat(limited.<Object>readInbound()).isInstanceOf(MllpFrameTooLarge.class);

    ByteBuf later = Unpooled.wrappedBuffer(concat(frame("MSH|valid"), frame("MSH|also valid")));
    limited.writeInbound(later);

    assertThat(limited.<Object>readInbound()).isNull();
    assertThat(start.refCnt()).isZero();
    assertThat(overflow.refCnt()).isZero();
    assertThat(later.refCnt()).isZero();
    assertThat(limitedDecoder.hasPartialFrame()).isTrue();
  }

  @Test
  void framesBeforeAnOversizedFrameAreStillEmitted() {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(50));

    limited.writeInbound(Unpooled.wrappedBuffer(concat(frame("MSH|ok"), frame(content(60)))));

    assertThat(limited.<Object>readInbound()).isInstanceOf(MllpFrame.class);
    assertThat(limited.<Object>readInbound()).isInstanceOf(MllpFrameTooLarge.class);
  }

  @Test
  void reportsPartialFrame() {
    feed(new byte[] {SB, 'M'});
    assertThat(decoder.hasPartialFrame()).isTrue();

    feed(new byte[] {EB, CR});
    assertThat(decoder.hasPartialFrame()).isFalse();
  }

  @Test
  void rejectsLimitTooSmallForFraming() {
    assertThatThrownBy(() -> new MllpFrameDecoder(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3");
    assertThat(new MllpFrameDecoder()).isNotNull();
  }

  @Test
  void smallestLimitAcceptsOnlyEmptyFrames() {
    EmbeddedChannel limited = new EmbeddedChannel(new MllpFrameDecoder(3));

    limited.writeInbound(Unpooled.wrappedBuffer(concat(frame(""), frame("x"))));

    assertThat(limited.<Object>readInbound()).isEqualTo(new MllpFrame(new byte[0]));
    assertThat(limited.<Object>readInbound()).isEqualTo(new MllpFrameTooLarge(3, 3));
  }

  private void feed(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
  }

  private List<MllpFrame> frames() {
    return frames(channel);
  }

  private List<String> texts() {
    return texts(channel);
  }

  private static List<MllpFrame> frames(EmbeddedChannel channel) {
    List<MllpFrame> frames = new ArrayList<>();
    Object next;
    while ((next = channel.readInbound()) != null) {
      frames.add((MllpFrame) next);
    }
    return frames;
  }

  private static List<String> texts(EmbeddedChannel channel) {
    return frames(channel).stream().map(f -> new String(f.payload(), US_ASCII)).toList();
  }

  static byte[] frame(String text) {
    return frame(text.getBytes(US_ASCII));
  }

  static byte[] frame(byte[] payload) {
    return concat(new byte[] {SB}, payload, new byte[] {EB, CR});
  }

  static String content(int length) {
    return "X".repeat(length);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
