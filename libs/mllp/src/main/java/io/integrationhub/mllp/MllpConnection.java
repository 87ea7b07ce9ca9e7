package io.integrationhub.mllp;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted connection, as seen by a {@link MllpMessageHandler}.
 *
 * @param id short identifier for logs and traces, unique among open connections
 * @param remoteAddress the client's address
 * @param tls whether the connection is encrypted
 * @param peerPrincipal the client certificate subject when the client authenticated with one
 */
public record MllpConnection(
    String id, InetSocketAddress remoteAddress, boolean tls, Optional<String> peerPrincipal) {

  /** Checks no component is null. */
  public MllpConnection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(peerPrincipal, "peerPrincipal");
  }
}
