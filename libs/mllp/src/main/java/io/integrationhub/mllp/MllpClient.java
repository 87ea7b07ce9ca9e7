package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpPayloadDecoder;
import io.integrationhub.mllp.codec.MllpPayloadEncoder;
import io.integrationhub.mllp.internal.ClientConnection;
import io.integrationhub.mllp.internal.StaleConnectionException;
import io.integrationhub.mllp.internal.TlsContexts;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLLP client holding one persistent connection, opened lazily. {@link #send} writes one framed
 * message and returns the text of exactly one full reply frame. Before each send the connection is
 * checked: if the peer has closed it, or sent anything since the last reply, it is replaced by a
 * fresh one, so stale bytes are never taken as a reply. After any failure the connection is
 * discarded and the next send starts on a new one. Calls are serialised; the client is thread-safe.
 */
public final class MllpClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MllpClient.class);

  private final MllpClientConfig config;
  private final SslContext sslContext;
  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final ReentrantLock sendLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ClientConnection connection;

  /**
   * Creates a client; no connection is opened yet.
   *
   * @param config the settings
   * @throws IllegalArgumentException when the TLS material cannot be loaded
   */
  public MllpClient(MllpClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.sslContext = config.tls().map(MllpClient::clientContext).orElse(null);
    this.ownsGroup = config.eventLoopGroup().isEmpty();
    this.group =
        config
            .eventLoopGroup()
            .orElseGet(
                () -> new NioEventLoopGroup(1, new DefaultThreadFactory("mllp-client", true)));
  }

  /**
   * Opens the connection now unless one is open (a send checks it again before writing).
   *
   * @throws MllpConnectException when connecting fails
   * @throws MllpException when interrupted
   */
  public void connect() throws MllpException {
    lock();
    try {
      ensureOpen();
      if (connection == null || !connection.isActive()) {
        replace(connection);
      }
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * Whether a connection is currently open.
   *
   * @return true when connected
   */
  public boolean isConnected() {
    ClientConnection current = connection;
    return current != null && current.isActive();
  }

  /**
   * Sends one message and waits for its reply.
   *
   * @param message the message text, encoded with the configured charset
   * @param replyTimeout how long to wait for one full reply frame after writing
   * @return the reply text (the content of the reply frame)
   * @throws MllpEncodingException when the message cannot be encoded (nothing is sent)
   * @throws MllpConnectException when no connection can be opened
   * @throws MllpReplyTimeoutException when no full reply arrives in time
   * @throws MllpConnectionClosedException when the connection closes or fails before the reply
   * @throws MllpFrameTooLargeException when the reply exceeds the frame size limit
   * @throws MllpDecodingException when the reply is not valid in the charset
   * @throws MllpException when interrupted
   * @throws IllegalStateException when the client is closed
   */
  public String send(String message, Duration replyTimeout) throws MllpException {
    Objects.requireNonNull(message, "message");
    MllpServerConfig.requirePositive("replyTimeout", replyTimeout);
    byte[] payload = MllpPayloadEncoder.encode(message, config.charset());
    lock();
    try {
      ensureOpen();
      ClientConnection current = connection == null ? replace(null) : connection;
      byte[] reply;
      try {
        reply = exchange(current, payload, replyTimeout);
      } catch (MllpException e) {
        discard(connection);
        throw e;
      }
      try {
        return MllpPayloadDecoder.decode(reply, config.charset());
      } catch (MllpDecodingException e) {
        discard(connection);
        throw e;
      }
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * Drops the current connection, if any; the next send opens a new one. Use it when the peer's
   * reply cannot be trusted (e.g. it acknowledged another message), so nothing more is read from
   * that connection.
   *
   * @throws MllpException when interrupted while a send is in progress
   */
  public void disconnect() throws MllpException {
    lock();
    try {
      discard(connection);
    } finally {
      sendLock.unlock();
    }
  }

  /** Closes the connection and, unless it was shared, the event loop group. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    discard(connection);
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }

  private byte[] exchange(ClientConnection current, byte[] payload, Duration replyTimeout)
      throws MllpException {
    try {
      return current.exchange(payload, replyTimeout);
    } catch (StaleConnectionException stale) {
      if (stale.closedByPeer()) {
        log.debug("MLLP connection to {} was closed by the peer; reconnecting", target());
      } else {
        log.info("Replacing the MLLP connection to {}: {}", target(), stale.getMessage());
      }
      ClientConnection fresh = replace(current);
      try {
        return fresh.exchange(payload, replyTimeout);
      } catch (StaleConnectionException again) {
        throw new MllpConnectionClosedException(
            "New connection to " + target() + " unusable: " + again.getMessage());
      }
    }
  }

  /** Discards {@code old} (if any) and opens a new connection. */
  private ClientConnection replace(ClientConnection old) throws MllpException {
    discard(old);
    ClientConnection fresh = ClientConnection.open(group, config, sslContext);
    connection = fresh;
    if (closed.get()) {
      discard(fresh);
      throw new IllegalStateException("MllpClient is closed");
    }
    log.debug("Connected to {}", target());
    return fresh;
  }

  private void discard(ClientConnection old) {
    if (old != null) {
      if (connection == old) {
        connection = null;
      }
      old.close();
    }
  }

  private void lock() throws MllpException {
    try {
      sendLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MllpException("Interrupted while waiting to send", e);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("MllpClient is closed");
    }
  }

  private String target() {
    return config.host() + ":" + config.port();
  }

  private static SslContext clientContext(MllpTlsConfig tls) {
    try {
      return TlsContexts.forClient(tls);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot load the TLS material of the MLLP client: " + e, e);
    }
  }
}
