package io.integrationhub.mllp;

import java.time.Duration;

/**
 * No full reply frame arrived within the timeout. The message may still have been processed by the
 * peer: a resend can duplicate it.
 */
public final class MllpReplyTimeoutException extends MllpException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param timeout the reply timeout that elapsed
   */
  public MllpReplyTimeoutException(Duration timeout) {
    super("No full MLLP reply frame within " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  /**
   * The reply timeout that elapsed.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }
}
