package io.integrationhub.mllp.internal;

/** The connection must not carry a message (closed by the peer, or unsolicited input pending). */
public final class StaleConnectionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean closedByPeer;

  /**
   * Creates the exception.
   *
   * @param reason why the connection is stale
   * @param closedByPeer true when the peer simply closed it (routine for peers that close idle
   *     connections), false when something unexpected was received
   */
  public StaleConnectionException(String reason, boolean closedByPeer) {
    super(reason, null, false, false);
    this.closedByPeer = closedByPeer;
  }

  /**
   * Whether the peer simply closed the connection.
   *
   * @return true for a routine close
   */
  public boolean closedByPeer() {
    return closedByPeer;
  }
}
