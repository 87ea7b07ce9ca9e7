package io.integrationhub.mllp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the server does after a {@link MllpMessageHandler} has handled a frame. Create with the
 * static factories.
 */
public sealed interface MllpResponse {

  /**
   * Writes {@code message} as one frame, encoded with the request's charset; the connection stays
   * open.
   *
   * @param message the reply text, typically an ACK
   * @return the response
   */
  static MllpResponse reply(String message) {
    return new Reply(message, false);
  }

  /**
   * Writes {@code message} as one frame, then closes the connection.
   *
   * @param message the reply text
   * @return the response
   */
  static MllpResponse replyAndClose(String message) {
    return new Reply(message, true);
  }

  /**
   * Closes the connection without writing anything.
   *
   * @return the response
   */
  static MllpResponse closeWithoutReply() {
    return CloseWithoutReply.INSTANCE;
  }

  /**
   * Writes nothing and keeps the connection open (a mock simulating a lost ACK).
   *
   * @return the response
   */
  static MllpResponse noReply() {
    return NoReply.INSTANCE;
  }

  /**
   * Writes the chunks exactly as given, unframed, each in its own write and flush with {@code
   * pauseBetweenChunks} between them; the connection stays open (a mock sending split or malformed
   * ACK frames).
   *
   * @param chunks the bytes to write, copied
   * @param pauseBetweenChunks the pause between two writes, zero or positive
   * @return the response
   */
  static MllpResponse raw(List<byte[]> chunks, Duration pauseBetweenChunks) {
    return new Raw(chunks, pauseBetweenChunks);
  }

  /**
   * A framed reply.
   *
   * @param message the reply text
   * @param closeAfterReply whether to close the connection once the reply is written
   */
  record Reply(String message, boolean closeAfterReply) implements MllpResponse {

    /** Checks the message is present. */
    public Reply {
      Objects.requireNonNull(message, "message");
    }

    /** Describes the reply by size only: replies can carry patient data. */
    @Override
    public String toString() {
      return "Reply[" + message.length() + " chars, closeAfterReply=" + closeAfterReply + "]";
    }
  }

  /** Close the connection without a reply. */
  enum CloseWithoutReply implements MllpResponse {
    /** The only instance. */
    INSTANCE
  }

  /** Write nothing, keep the connection open. */
  enum NoReply implements MllpResponse {
    /** The only instance. */
    INSTANCE
  }

  /**
   * Unframed bytes written in separate writes.
   *
   * @param chunks the bytes of each write
   * @param pauseBetweenChunks the pause between two writes
   */
  record Raw(List<byte[]> chunks, Duration pauseBetweenChunks) implements MllpResponse {

    /** Copies the chunks and checks the pause is not negative. */
    public Raw {
      chunks = chunks.stream().map(byte[]::clone).toList();
      Objects.requireNonNull(pauseBetweenChunks, "pauseBetweenChunks");
      if (pauseBetweenChunks.isNegative()) {
        throw new IllegalArgumentException(
            "pauseBetweenChunks must not be negative, was " + pauseBetweenChunks);
      }
    }

    /** Describes the chunks by size only. */
    @Override
    public String toString() {
      return "Raw["
          + chunks.stream().mapToInt(chunk -> chunk.length).sum()
          + " bytes in "
          + chunks.size()
          + " chunks, pause="
          + pauseBetweenChunks
          + "]";
    }
  }
}
