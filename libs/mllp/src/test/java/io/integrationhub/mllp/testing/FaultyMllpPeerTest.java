package io.integrationhub.mllp.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault-injecting peer must write exactly the bytes it promises, or the client tests built on
 * it would prove nothing. Checked with the raw client only.
 */
class FaultyMllpPeerTest {

  private static final Duration READ = Duration.ofSeconds(5);

  private final FaultyMllpPeer peer = FaultyMllpPeer.replying("ACK");

  @AfterEach
  void close() {
    peer.close();
  }

  @Test
  void repliesWithACorrectFrameAndRecordsMessages() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|1");
      assertThat(readBytes(client, 6)).isEqualTo(bytes("\u000bACK\u001c\r"));
      client.sendFrame("MSH|2");
      assertThat(client.readFrame(READ)).isEqualTo("ACK");
    }
    assertThat(peer.receivedMessages()).containsExactly("MSH|1", "MSH|2");
    assertThat(peer.connectionsAccepted()).isEqualTo(1);
    assertThat(peer.host()).isEqualTo("127.0.0.1");
  }

  @Test
  void malformedRepliesAreMalformedAsPromised() throws Exception {
    assertReply(PeerBehaviour.replyWithoutStartBlock("ACK"), "ACK\u001c\r");
    assertReply(PeerBehaviour.replyWithoutEndBlock("ACK"), "\u000bACK");
    assertReply(PeerBehaviour.replyWithoutTrailingCr("ACK"), "\u000bACK\u001c");
    assertReply(PeerBehaviour.replyGarbage(bytes("junk")), "junk");
    assertReply(PeerBehaviour.replyThenSend("ACK", bytes("more")), "\u000bACK\u001c\rmore");
  }

  @Test
  void splitReplyArrivesInSeparateChunks() throws Exception {
    peer.behaviour(message -> PeerBehaviour.replySplit("ACKNOWLEDGED", 3, Duration.ofMillis(200)));
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|1");

      byte[] first = client.readAvailable(READ);
      assertThat(first).hasSize(5); // 15 frame bytes in 3 chunks
      assertThatThrownBy(() -> client.readAvailable(Duration.ofMillis(50)))
          .as("the pause")
          .isInstanceOf(SocketTimeoutException.class);
      byte[] rest = readBytes(client, 10);
      assertThat(new String(first, US_ASCII) + new String(rest, US_ASCII))
          .isEqualTo("\u000bACKNOWLEDGED\u001c\r");
    }
  }

  @Test
  void closeBeforeAndAfterReply() throws Exception {
    peer.behaviour(message -> PeerBehaviour.closeBeforeReply());
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|1");
      assertThatThrownBy(() -> client.readFrame(READ)).isInstanceOf(EOFException.class);
    }
    peer.behaviour(message -> PeerBehaviour.closeAfterReply("BYE"));
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|2");
      assertThat(client.readFrame(READ)).isEqualTo("BYE");
      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
    assertThat(peer.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void neverReplyHoldsTheConnectionAndDelayedReplyArrives() throws Exception {
    peer.behaviour(
        message ->
            message.equals("MSH|1")
                ? PeerBehaviour.neverReply()
                : PeerBehaviour.delayThenReply(Duration.ofMillis(100), "LATE"));
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|1");
      assertThatThrownBy(() -> client.readFrame(Duration.ofMillis(200)))
          .isInstanceOf(SocketTimeoutException.class);

      client.sendFrame("MSH|2");
      assertThat(client.readFrame(READ)).isEqualTo("LATE");
    }
  }

  @Test
  void dropConnectionsClosesOpenConnections() throws Exception {
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|1");
      assertThat(client.readFrame(READ)).isEqualTo("ACK");

      peer.dropConnections();

      assertThat(client.awaitClosedByPeer(READ)).isTrue();
    }
  }

  private void assertReply(PeerBehaviour behaviour, String expected) throws Exception {
    peer.behaviour(message -> behaviour);
    try (RawMllpClient client = RawMllpClient.connect(peer.port())) {
      client.sendFrame("MSH|x");
      assertThat(new String(readBytes(client, expected.length()), US_ASCII)).isEqualTo(expected);
      assertThatThrownBy(() -> client.readAvailable(Duration.ofMillis(100)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  private static byte[] readBytes(RawMllpClient client, int count) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (bytes.size() < count) {
      byte[] next = client.readAvailable(READ);
      bytes.writeBytes(next);
    }
    return bytes.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(US_ASCII);
  }
}
