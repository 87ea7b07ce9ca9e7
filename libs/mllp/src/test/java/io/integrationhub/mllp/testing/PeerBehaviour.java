package io.integrationhub.mllp.testing;

import java.time.Duration;
import java.util.Objects;

/** What a {@link FaultyMllpPeer} does with one received message. */
public sealed interface PeerBehaviour {

  /**
   * Replies with a correct frame.
   *
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour reply(String text) {
    return new Reply(text);
  }

  /**
   * Waits, then replies with a correct frame.
   *
   * @param delay the wait
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour delayThenReply(Duration delay, String text) {
    return new DelayThenReply(delay, text);
  }

  /**
   * Replies {@code text + EB + CR}: no start block.
   *
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour replyWithoutStartBlock(String text) {
    return new ReplyWithoutStartBlock(text);
  }

  /**
   * Replies {@code SB + text}: no end block, no carriage return.
   *
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour replyWithoutEndBlock(String text) {
    return new ReplyWithoutEndBlock(text);
  }

  /**
   * Replies {@code SB + text + EB}: no trailing carriage return.
   *
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour replyWithoutTrailingCr(String text) {
    return new ReplyWithoutTrailingCr(text);
  }

  /**
   * Replies with a correct frame written in {@code chunks} pieces with a pause between them.
   *
   * @param text the reply
   * @param chunks number of writes, at least 1
   * @param pause the pause between writes
   * @return the behaviour
   */
  static PeerBehaviour replySplit(String text, int chunks, Duration pause) {
    return new ReplySplit(text, chunks, pause);
  }

  /**
   * Writes the given bytes as they are.
   *
   * @param bytes the bytes
   * @return the behaviour
   */
  static PeerBehaviour replyGarbage(byte[] bytes) {
    return new ReplyGarbage(bytes.clone());
  }

  /**
   * Replies with a correct frame immediately followed, in the same write, by {@code extra}
   * (unsolicited bytes, e.g. a second ACK).
   *
   * @param text the reply
   * @param extra the bytes written after the reply
   * @return the behaviour
   */
  static PeerBehaviour replyThenSend(String text, byte[] extra) {
    return new ReplyThenSend(text, extra.clone());
  }

  /**
   * Closes the connection without replying.
   *
   * @return the behaviour
   */
  static PeerBehaviour closeBeforeReply() {
    return new CloseBeforeReply();
  }

  /**
   * Replies with a correct frame, then closes the connection.
   *
   * @param text the reply
   * @return the behaviour
   */
  static PeerBehaviour closeAfterReply(String text) {
    return new CloseAfterReply(text);
  }

  /**
   * Never replies; the connection stays open and further frames are still read.
   *
   * @return the behaviour
   */
  static PeerBehaviour neverReply() {
    return new NeverReply();
  }

  /**
   * Correct framed reply.
   *
   * @param text the reply
   */
  record Reply(String text) implements PeerBehaviour {
    /** Checks the text is present. */
    public Reply {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Delayed framed reply.
   *
   * @param delay the wait before replying
   * @param text the reply
   */
  record DelayThenReply(Duration delay, String text) implements PeerBehaviour {}

  /**
   * Reply lacking the start block.
   *
   * @param text the reply
   */
  record ReplyWithoutStartBlock(String text) implements PeerBehaviour {}

  /**
   * Reply lacking end block and carriage return.
   *
   * @param text the reply
   */
  record ReplyWithoutEndBlock(String text) implements PeerBehaviour {}

  /**
   * Reply lacking the trailing carriage return.
   *
   * @param text the reply
   */
  record ReplyWithoutTrailingCr(String text) implements PeerBehaviour {}

  /**
   * Framed reply in several writes.
   *
   * @param text the reply
   * @param chunks number of writes
   * @param pause pause between writes
   */
  record ReplySplit(String text, int chunks, Duration pause) implements PeerBehaviour {
    /** Checks the chunk count. */
    public ReplySplit {
      if (chunks < 1) {
        throw new IllegalArgumentException("chunks must be at least 1");
      }
    }
  }

  /**
   * Arbitrary bytes.
   *
   * @param bytes what is written
   */
  record ReplyGarbage(byte[] bytes) implements PeerBehaviour {}

  /**
   * Framed reply followed by unsolicited bytes.
   *
   * @param text the reply
   * @param extra the unsolicited bytes
   */
  record ReplyThenSend(String text, byte[] extra) implements PeerBehaviour {}

  /** Close without reply. */
  record CloseBeforeReply() implements PeerBehaviour {}

  /**
   * Framed reply, then close.
   *
   * @param text the reply
   */
  record CloseAfterReply(String text) implements PeerBehaviour {}

  /** No reply, connection held open. */
  record NeverReply() implements PeerBehaviour {}
}
