package io.integrationhub.mllp.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain-socket test client that can send arbitrary bytes to an MLLP server and read framed
 * replies. Independent of the code under test. Not thread-safe.
 */
public final class RawMllpClient implements AutoCloseable {

  private static final byte SB = 0x0B;
  private static final byte EB = 0x1C;
  private static final byte CR = 0x0D;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream partialFrame = new ByteArrayOutputStream();
  private boolean inFrame;

  /**
   * Connects to {@code host:port} with a 5 s connect timeout.
   *
   * @param host the host
   * @param port the port
   * @throws IOException when connecting fails
   */
  public RawMllpClient(String host, int port) throws IOException {
    this(connectedSocket(host, port));
  }

  private RawMllpClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to a loopback port.
   *
   * @param port the port
   * @return the connected client
   * @throws IOException when connecting fails
   */
  public static RawMllpClient connect(int port) throws IOException {
    return connect(InetAddress.getLoopbackAddress().getHostAddress(), port);
  }

  /**
   * Connects to {@code host:port} with a 5 s connect timeout.
   *
   * @param host the host
   * @param port the port
   * @return the connected client
   * @throws IOException when connecting fails
   */
  public static RawMllpClient connect(String host, int port) throws IOException {
    return new RawMllpClient(host, port);
  }

  private static Socket connectedSocket(String host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Writes bytes exactly as given.
   *
   * @param bytes the bytes
   * @throws IOException when writing fails
   */
  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Writes {@code SB + UTF-8 text + EB + CR}.
   *
   * @param text the message
   * @throws IOException when writing fails
   */
  public void sendFrame(String text) throws IOException {
    send(frame(text));
  }

  /**
   * Builds {@code SB + UTF-8 text + EB + CR}.
   *
   * @param text the message
   * @return the frame bytes
   */
  public static byte[] frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[payload.length + 3];
    frame[0] = SB;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    frame[frame.length - 2] = EB;
    frame[frame.length - 1] = CR;
    return frame;
  }

  /** Shuts the output down (half-close): the server sees end of input. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /**
   * Reads the next frame's content as UTF-8. Bytes outside frames (such as the CR after an end
   * block) are skipped; a partly read frame is kept for the next call after a timeout.
   *
   * @param timeout how long to wait for a full frame
   * @return the frame text
   * @throws SocketTimeoutException when no full frame arrived in time
   * @throws EOFException when the server closed the connection before a full frame
   * @throws IOException when reading fails
   */
  public String readFrame(Duration timeout) throws IOException {
    return new String(readFrameBytes(timeout), StandardCharsets.UTF_8);
  }

  /**
   * Like {@link #readFrame} but returns the raw content bytes.
   *
   * @param timeout how long to wait for a full frame
   * @return the frame content
   * @throws SocketTimeoutException when no full frame arrived in time
   * @throws EOFException when the server closed the connection before a full frame
   * @throws IOException when reading fails
   */
  public byte[] readFrameBytes(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int next = readByte(deadline);
      if (next == -2) {
        throw new SocketTimeoutException("no full MLLP frame within " + timeout.toMillis() + " ms");
      }
      if (next == -1) {
        throw new EOFException("connection closed by the server before a full frame");
      }
      if (!inFrame) {
        inFrame = next == SB;
      } else if (next == EB) {
        inFrame = false;
        byte[] payload = partialFrame.toByteArray();
        partialFrame.reset();
        return payload;
      } else {
        partialFrame.write(next);
      }
    }
  }

  /**
   * Reads the bytes that arrive next, as they are: waits for at least one byte, then returns it
   * together with whatever else is already available. Do not mix with a partly read frame.
   *
   * @param timeout how long to wait for the first byte
   * @return the bytes
   * @throws SocketTimeoutException when nothing arrived in time
   * @throws EOFException when the server closed the connection
   * @throws IOException when reading fails
   */
  public byte[] readAvailable(Duration timeout) throws IOException {
    int first = readByte(System.nanoTime() + timeout.toNanos());
    if (first == -2) {
      throw new SocketTimeoutException("no bytes within " + timeout.toMillis() + " ms");
    }
    if (first == -1) {
      throw new EOFException("connection closed by the server");
    }
    byte[] rest = new byte[in.available()];
    int read = in.read(rest);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(first);
    bytes.write(rest, 0, Math.max(0, read));
    return bytes.toByteArray();
  }

  /**
   * Reads and discards input until the server closes the connection.
   *
   * @param timeout how long to wait
   * @return true when the server closed (or reset) the connection in time
   * @throws IOException when reading fails otherwise
   */
  public boolean awaitClosedByPeer(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        int next = readByte(deadline);
        if (next == -2) {
          return false;
        }
        if (next == -1) {
          return true;
        }
      }
    } catch (SocketException e) {
      return true; // connection reset
    }
  }

  /**
   * The underlying socket.
   *
   * @return the socket
   */
  public Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Next byte, -1 at end of stream, -2 when the deadline passed. */
  private int readByte(long deadline) throws IOException {
    long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      if (in.available() == 0) {
        return -2;
      }
      remainingMillis = 1;
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      return -2;
    }
  }
}
