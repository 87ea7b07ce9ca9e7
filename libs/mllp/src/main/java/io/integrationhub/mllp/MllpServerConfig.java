package io.integrationhub.mllp;

import io.integrationhub.mllp.codec.MllpFrameDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link MllpServer}.
 *
 * @param host bind address
 * @param port listen port; 0 picks a free ephemeral port
 * @param maxFrameBytes largest accepted frame, start block, end block and carriage return included
 * @param readIdleTimeout a connection with nothing received for this long and no message in flight
 *     is closed
 * @param maxConnections connections beyond this are accepted and closed at once
 * @param charset fixed payload charset; when empty MSH-18 decides, else {@code defaultCharset}
 * @param defaultCharset charset when none is configured and MSH-18 is absent or unknown
 * @param tls TLS settings; plain TCP when empty
 * @param shutdownGracePeriod how long {@link MllpServer#stop()} waits for in-flight messages
 */
public record MllpServerConfig(
    String host,
    int port,
    int maxFrameBytes,
    Duration readIdleTimeout,
    int maxConnections,
    Optional<Charset> charset,
    Charset defaultCharset,
    Optional<MllpTlsConfig> tls,
    Duration shutdownGracePeriod) {

  /** Default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default read-idle timeout, the reference server's socket timeout. */
  public static final Duration DEFAULT_READ_IDLE_TIMEOUT = Duration.ofSeconds(10);

  /** Default connection limit. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;

  /** Default shutdown grace period. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);

  /** Validates the settings. */
  public MllpServerConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (maxFrameBytes < 3) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least 3 (start block, end block, carriage return), was "
              + maxFrameBytes);
    }
    requirePositive("readIdleTimeout", readIdleTimeout);
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(defaultCharset, "defaultCharset");
    Objects.requireNonNull(tls, "tls");
    if (tls.isPresent() && tls.get().keyMaterial().isEmpty()) {
      throw new IllegalArgumentException("a TLS server needs keyMaterial (certificate and key)");
    }
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    if (shutdownGracePeriod.isNegative()) {
      throw new IllegalArgumentException(
          "shutdownGracePeriod must not be negative, was " + shutdownGracePeriod);
    }
  }

  /**
   * Starts a builder holding the defaults: {@value #DEFAULT_HOST}, ephemeral port, 1 MiB frames, 10
   * s read-idle timeout, 1000 connections, charset from MSH-18 else UTF-8, no TLS, 10 s grace.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Builds a {@link MllpServerConfig}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private int maxFrameBytes = MllpFrameDecoder.DEFAULT_MAX_FRAME_BYTES;
    private Duration readIdleTimeout = DEFAULT_READ_IDLE_TIMEOUT;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Optional<Charset> charset = Optional.empty();
    private Charset defaultCharset = StandardCharsets.UTF_8;
    private Optional<MllpTlsConfig> tls = Optional.empty();
    private Duration shutdownGracePeriod = DEFAULT_SHUTDOWN_GRACE_PERIOD;

    private Builder() {}

    /**
     * Sets the bind address.
     *
     * @param host host name or IP address, e.g. {@code 0.0.0.0}
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * Sets the listen port.
     *
     * @param port 0 to 65535; 0 picks a free port
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the largest accepted frame.
     *
     * @param maxFrameBytes bytes including start block, end block and carriage return
     * @return this builder
     */
    public Builder maxFrameBytes(int maxFrameBytes) {
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    /**
     * Sets the read-idle timeout.
     *
     * @param readIdleTimeout positive duration
     * @return this builder
     */
    public Builder readIdleTimeout(Duration readIdleTimeout) {
      this.readIdleTimeout = readIdleTimeout;
      return this;
    }

    /**
     * Sets the connection limit.
     *
     * @param maxConnections at least 1
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Fixes the payload charset, ignoring MSH-18.
     *
     * @param charset the charset
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = Optional.of(charset);
      return this;
    }

    /**
     * Sets the charset used when MSH-18 is absent or unknown.
     *
     * @param defaultCharset the charset
     * @return this builder
     */
    public Builder defaultCharset(Charset defaultCharset) {
      this.defaultCharset = defaultCharset;
      return this;
    }

    /**
     * Enables TLS.
     *
     * @param tls the TLS settings, with key material
     * @return this builder
     */
    public Builder tls(MllpTlsConfig tls) {
      this.tls = Optional.of(tls);
      return this;
    }

    /**
     * Sets how long a stop waits for in-flight messages.
     *
     * @param shutdownGracePeriod zero or positive
     * @return this builder
     */
    public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
      this.shutdownGracePeriod = shutdownGracePeriod;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the validated configuration
     * @throws IllegalArgumentException when a setting is invalid
     */
    public MllpServerConfig build() {
      return new MllpServerConfig(
          host,
          port,
          maxFrameBytes,
          readIdleTimeout,
          maxConnections,
          charset,
          defaultCharset,
          tls,
          shutdownGracePeriod);
    }
  }
}
