package io.integrationhub.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain TCP health probe compatible with the reference hub: accepts each connection and closes it
 * at once, reading and writing nothing. Liveness only; readiness is reported elsewhere.
 */
public final class TcpHealthCheckServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpHealthCheckServer.class);
  private static final int BACKLOG = 1;
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(1);

  private final HealthCheckSettings settings;
  private ServerSocket serverSocket;
  private Thread acceptThread;

  public TcpHealthCheckServer(HealthCheckSettings settings) {
    this.settings = settings;
  }

  /** Binds the probe port; throws when the port cannot be bound so start-up fails visibly. */
  public synchronized void start() throws IOException {
    if (serverSocket != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "Cannot bind health check to " + settings.host() + ":" + settings.port(), e);
    }
    serverSocket = socket;
    acceptThread = new Thread(() -> acceptLoop(socket), "health-check");
    acceptThread.setDaemon(true);
    acceptThread.start();
    log.info("Health check listening on {}:{}", settings.host(), port());
  }

  /** The bound port (useful when configured with port 0), or -1 when not started. */
  public synchronized int port() {
    return serverSocket == null ? -1 : serverSocket.getLocalPort();
  }

  public synchronized boolean isRunning() {
    return serverSocket != null && !serverSocket.isClosed();
  }

  private static void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        // Connecting is the whole probe.
        socket.accept().close();
      } catch (SocketException e) {
        if (!socket.isClosed()) {
          log.warn("Health check accept failed: {}", e.getMessage());
        }
      } catch (IOException e) {
        log.warn("Health check accept failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (serverSocket == null) {
      return;
    }
    try {
      serverSocket.close();
    } catch (IOException e) {
      log.warn("Closing the health check socket failed: {}", e.getMessage());
    }
    try {
      acceptThread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    serverSocket = null;
    acceptThread = null;
    log.info("Health check stopped");
  }
}
