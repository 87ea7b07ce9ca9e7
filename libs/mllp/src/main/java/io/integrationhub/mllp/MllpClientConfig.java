package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpFrameDecoder;
import io.netty.channel.EventLoopGroup;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link MllpClient}.
 *
 * @param host the server's host name or address
 * @param port the server's port
 * @param connectTimeout bound on TCP connect plus TLS handshake
 * @param maxFrameBytes largest accepted reply frame, framing bytes included
 * @param charset charset of sent messages and received replies
 * @param tls TLS settings; plain TCP when empty
 * @param eventLoopGroup a shared event loop group; when empty the client owns a one-thread group
 */
public record MllpClientConfig(
    String host,
    int port,
    Duration connectTimeout,
    int maxFrameBytes,
    Charset charset,
    Optional<MllpTlsConfig> tls,
    Optional<EventLoopGroup> eventLoopGroup) {

  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Validates the settings. */
  public MllpClientConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
    MllpServerConfig.requirePositive("connectTimeout", connectTimeout);
    if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
    }
    if (maxFrameBytes < 3) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least 3 (start block, end block, carriage return), was "
              + maxFrameBytes);
    }
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(eventLoopGroup, "eventLoopGroup");
  }

  /**
   * Starts a builder with the defaults: 10 s connect timeout, 1 MiB replies, UTF-8, no TLS, own
   * event loop.
   *
   * @param host the server's host
   * @param port the server's port
   * @return a new builder
   */
  public static Builder builder(String host, int port) {
    return new Builder().host(host).port(port);
  }

  /**
   * Starts a builder with the defaults; {@link Builder#host} and {@link Builder#port} must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MllpClientConfig}. */
  public static final class Builder {
    private String host;
    private int port;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxFrameBytes = MllpFrameDecoder.DEFAULT_MAX_FRAME_BYTES;
    private Charset charset = StandardCharsets.UTF_8;
    private Optional<MllpTlsConfig> tls = Optional.empty();
    private Optional<EventLoopGroup> eventLoopGroup = Optional.empty();

    private Builder() {}

    /**
     * Sets the server's host.
     *
     * @param host host name or IP address
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * Sets the server's port.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the connect timeout (TCP connect plus TLS handshake).
     *
     * @param connectTimeout positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets the largest accepted reply frame.
     *
     * @param maxFrameBytes bytes including start block, end block and carriage return
     * @return this builder
     */
    public Builder maxFrameBytes(int maxFrameBytes) {
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    /**
     * Sets the charset of messages and replies.
     *
     * @param charset the charset
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    /**
     * Enables TLS.
     *
     * @param tls the TLS settings
     * @return this builder
     */
    public Builder tls(MllpTlsConfig tls) {
      this.tls = Optional.of(tls);
      return this;
    }

    /**
     * Uses a shared event loop group, which the client will not shut down.
     *
     * @param eventLoopGroup an NIO event loop group
     * @return this builder
     */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = Optional.of(eventLoopGroup);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the validated configuration
     * @throws IllegalArgumentException when a setting is invalid
     */
    public MllpClientConfig build() {
      return new MllpClientConfig(
          host, port, connectTimeout, maxFrameBytes, charset, tls, eventLoopGroup);
    }
  }
}
