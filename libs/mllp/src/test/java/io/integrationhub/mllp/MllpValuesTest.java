package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.codec.MllpFrame;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Value types: equality, defensive copies, and descriptions free of payload text. */
class MllpValuesTest {

  private static final MllpConnection CONNECTION =
      new MllpConnection(
          "abc123", new InetSocketAddress("127.0.0.1", 4000), false, Optional.empty());

  @Test
  void requestComparesPayloadByContentAndHidesItInToString() {
    Instant now = Instant.now();
    MllpRequest a = new MllpRequest(CONNECTION, "PID|Smith".getBytes(UTF_8), UTF_8, now);
    MllpRequest b = new MllpRequest(CONNECTION, "PID|Smith".getBytes(UTF_8), UTF_8, now);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new MllpRequest(CONNECTION, new byte[0], UTF_8, now));
    assertThat(a.toString()).doesNotContain("Smith").contains("9 bytes", "abc123");
  }

  @Test
  void requestTextIsStrict() {
    MllpRequest request =
        new MllpRequest(CONNECTION, new byte[] {'a', (byte) 0xFF}, UTF_8, Instant.now());

    assertThatThrownBy(request::text)
        .isInstanceOfSatisfying(
            MllpDecodingException.class, e -> assertThat(e.offset()).isEqualTo(1));
  }

  @Test
  void frameComparesByContentAndHidesIt() {
    MllpFrame frame = new MllpFrame("PID|Smith".getBytes(UTF_8));

    assertThat(frame).isEqualTo(new MllpFrame("PID|Smith".getBytes(UTF_8)));
    assertThat(frame.hashCode()).isEqualTo(new MllpFrame("PID|Smith".getBytes(UTF_8)).hashCode());
    assertThat(frame.toString()).isEqualTo("MllpFrame[9 bytes]");
  }

  @Test
  void responsesDescribeThemselvesWithoutText() {
    assertThat(MllpResponse.reply("MSA|AA|Smith").toString()).doesNotContain("Smith");
    assertThat(MllpResponse.replyAndClose("x")).isEqualTo(new MllpResponse.Reply("x", true));
    assertThat(MllpResponse.closeWithoutReply()).isSameAs(MllpResponse.CloseWithoutReply.INSTANCE);
    assertThat(MllpResponse.noReply()).isSameAs(MllpResponse.NoReply.INSTANCE);
    assertThat(MllpResponse.raw(List.of(new byte[] {1, 2}), Duration.ZERO).toString())
        .isEqualTo("Raw[2 bytes in 1 chunks, pause=PT0S]");
  }

  @Test
  void rawCopiesItsChunks() {
    byte[] chunk = {1, 2, 3};
    List<byte[]> chunks = new ArrayList<>(List.of(chunk));
    MllpResponse.Raw raw = (MllpResponse.Raw) MllpResponse.raw(chunks, Duration.ofMillis(5));
    chunk[0] = 9;
    chunks.clear();

    assertThat(raw.chunks()).singleElement().satisfies(c -> assertThat(c).containsExactly(1, 2, 3));
    assertThatThrownBy(() -> MllpResponse.raw(List.of(), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exceptionsCarryTheirDetails() {
    assertThat(new MllpReplyTimeoutException(Duration.ofMillis(1500)))
        .hasMessageContaining("1500 ms")
        .extracting(MllpReplyTimeoutException::timeout)
        .isEqualTo(Duration.ofMillis(1500));
    MllpFrameTooLargeException tooLarge = new MllpFrameTooLargeException(2000, 2000);
    assertThat(tooLarge.bytesRead()).isEqualTo(2000);
    assertThat(tooLarge.limit()).isEqualTo(2000);
    assertThat(tooLarge).hasMessageContaining("limit of 2000 bytes");
    assertThat(new MllpConnectionClosedException("closed")).isInstanceOf(MllpException.class);
    assertThat(new MllpConnectException("refused", null)).isInstanceOf(MllpException.class);
  }
}
