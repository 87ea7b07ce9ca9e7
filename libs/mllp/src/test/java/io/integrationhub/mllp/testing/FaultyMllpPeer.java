package io.integrationhub.mllp.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fault-injecting MLLP server on an ephemeral loopback port, built on plain {@link ServerSocket}
 * so that it is independent of the code under test. For each received message (decoded as UTF-8) a
 * function picks a {@link PeerBehaviour}. Connections are persistent: frames are read one after
 * another until the client closes or a behaviour closes.
 */
public final class FaultyMllpPeer implements AutoCloseable {

  private static final byte SB = 0x0B;
  private static final byte EB = 0x1C;
  private static final byte CR = 0x0D;

  private final ServerSocket serverSocket;
  private final ExecutorService threads;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionsAccepted = new AtomicInteger();
  private volatile Function<String, PeerBehaviour> behaviour;
  private volatile boolean closed;

  private FaultyMllpPeer(Function<String, PeerBehaviour> behaviour) throws IOException {
    this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    AtomicInteger threadNumber = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "faulty-peer-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    threads.execute(this::acceptLoop);
  }

  /**
   * Starts a peer.
   *
   * @param behaviour picks the behaviour for each received message text
   * @return the running peer
   */
  public static FaultyMllpPeer start(Function<String, PeerBehaviour> behaviour) {
    try {
      return new FaultyMllpPeer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a peer that answers every message with the same correct frame.
   *
   * @param reply the reply text
   * @return the running peer
   */
  public static FaultyMllpPeer replying(String reply) {
    return start(message -> PeerBehaviour.reply(reply));
  }

  /**
   * Replaces the behaviour for messages received from now on.
   *
   * @param behaviour picks the behaviour for each received message text
   */
  public void behaviour(Function<String, PeerBehaviour> behaviour) {
    this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
  }

  /**
   * The loopback address the peer listens on.
   *
   * @return {@code 127.0.0.1} (or the platform's loopback address)
   */
  public String host() {
    return serverSocket.getInetAddress().getHostAddress();
  }

  /**
   * The peer's port.
   *
   * @return the ephemeral port
   */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * Every message received so far, in order.
   *
   * @return a snapshot
   */
  public List<String> receivedMessages() {
    return List.copyOf(received);
  }

  /**
   * Number of connections accepted so far.
   *
   * @return the count
   */
  public int connectionsAccepted() {
    return connectionsAccepted.get();
  }

  /** Closes every open client connection (a peer dropping idle connections); keeps listening. */
  public void dropConnections() {
    for (Socket socket : openSockets) {
      closeQuietly(socket);
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(serverSocket);
    dropConnections();
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      connectionsAccepted.incrementAndGet();
      openSockets.add(socket);
      threads.execute(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] payload;
      while ((payload = readFrame(in)) != null) {
        String text = new String(payload, StandardCharsets.UTF_8);
        received.add(text);
        if (!act(behaviour.apply(text), out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // client went away or the peer is closing
    } finally {
      openSockets.remove(socket);
    }
  }

  /** Performs one behaviour; false when the connection must be closed. */
  private static boolean act(PeerBehaviour behaviour, OutputStream out)
      throws IOException, InterruptedException {
    switch (behaviour) {
      case PeerBehaviour.Reply reply -> write(out, frame(reply.text()));
      case PeerBehaviour.DelayThenReply delayed -> {
        Thread.sleep(delayed.delay().toMillis());
        write(out, frame(delayed.text()));
      }
      case PeerBehaviour.ReplyWithoutStartBlock reply -> {
        byte[] frame = frame(reply.text());
        write(out, Arrays.copyOfRange(frame, 1, frame.length));
      }
      case PeerBehaviour.ReplyWithoutEndBlock reply -> {
        byte[] frame = frame(reply.text());
        write(out, Arrays.copyOf(frame, frame.length - 2));
      }
      case PeerBehaviour.ReplyWithoutTrailingCr reply -> {
        byte[] frame = frame(reply.text());
        write(out, Arrays.copyOf(frame, frame.length - 1));
      }
      case PeerBehaviour.ReplySplit split -> writeSplit(out, split);
      case PeerBehaviour.ReplyGarbage garbage -> write(out, garbage.bytes());
      case PeerBehaviour.ReplyThenSend reply -> {
        // One write: the extra bytes reach the client together with the reply.
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(frame(reply.text()));
        both.writeBytes(reply.extra());
        write(out, both.toByteArray());
      }
      case PeerBehaviour.CloseBeforeReply close -> {
        return false;
      }
      case PeerBehaviour.CloseAfterReply reply -> {
        write(out, frame(reply.text()));
        return false;
      }
      case PeerBehaviour.NeverReply never -> {
        // hold the connection: keep reading
      }
    }
    return true;
  }

  private static void writeSplit(OutputStream out, PeerBehaviour.ReplySplit split)
      throws IOException, InterruptedException {
    byte[] frame = frame(split.text());
    int chunks = Math.min(split.chunks(), frame.length);
    for (int i = 0; i < chunks; i++) {
      int from = (int) ((long) frame.length * i / chunks);
      int to = (int) ((long) frame.length * (i + 1) / chunks);
      if (i > 0) {
        Thread.sleep(split.pause().toMillis());
      }
      write(out, Arrays.copyOfRange(frame, from, to));
    }
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  private static byte[] frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[payload.length + 3];
    frame[0] = SB;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    frame[frame.length - 2] = EB;
    frame[frame.length - 1] = CR;
    return frame;
  }

  /** Reads up to the next end block; bytes before a start block (such as a CR) are skipped. */
  private static byte[] readFrame(InputStream in) throws IOException {
    int next;
    do {
      next = in.read();
      if (next < 0) {
        return null;
      }
    } while (next != SB);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    while ((next = in.read()) != EB) {
      if (next < 0) {
        return null;
      }
      content.write(next);
    }
    return content.toByteArray();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing to do
    }
  }
}
