package io.integrationhub.mllp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class MllpFramesTest {

  @Test
  void framingBytesAreTheMllpOnes() {
    assertThat(MllpFrames.START_BLOCK).isEqualTo((byte) 0x0B);
    assertThat(MllpFrames.END_BLOCK).isEqualTo((byte) 0x1C);
    assertThat(MllpFrames.CARRIAGE_RETURN).isEqualTo((byte) 0x0D);
  }

  @Test
  void wrapsPayloadInStartBlockEndBlockAndCarriageReturn() {
    assertThat(MllpFrames.frame(new byte[] {'M', 'S', 'H'}))
        .containsExactly(0x0B, 'M', 'S', 'H', 0x1C, 0x0D);
  }

  @Test
  void framesEmptyPayload() {
    assertThat(MllpFrames.frame(new byte[0])).containsExactly(0x0B, 0x1C, 0x0D);
  }

  @Test
  void bufferVariantMatchesArrayVariant() {
    byte[] payload = {'A', 0x0B, (byte) 0xFF};
    ByteBuf frame = MllpFrames.frame(UnpooledByteBufAllocator.DEFAULT, payload);
    try {
      assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(MllpFrames.frame(payload));
    } finally {
      frame.release();
    }
  }
}
