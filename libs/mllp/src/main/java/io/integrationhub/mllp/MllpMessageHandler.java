package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpFrameTooLarge;
import java.util.concurrent.CompletionStage;

/**
 * Application callback of an {@link MllpServer}.
 *
 * <p>Methods are called on a network event-loop thread shared with other connections: they must not
 * block. Do slow work asynchronously and complete the returned stage later, from any thread.
 * Exception messages are logged, so they must not contain payload text.
 */
public interface MllpMessageHandler {

  /**
   * Called once per frame, in arrival order per connection; the next frame of the same connection
   * is not delivered until the returned stage completes.
   *
   * @param request the received frame
   * @return what to send back; a failed stage (or a thrown exception) closes the connection without
   *     a reply
   */
  CompletionStage<MllpResponse> onMessage(MllpRequest request);

  /**
   * A frame exceeded the size limit; the server closes the connection after this returns.
   *
   * @param connection where the frame arrived
   * @param rejection how many bytes were read and the limit
   */
  default void onFrameTooLarge(MllpConnection connection, MllpFrameTooLarge rejection) {}

  /**
   * Called when a connection closes, e.g. for tracing.
   *
   * @param connection the closed connection
   */
  default void onConnectionClosed(MllpConnection connection) {}
}
