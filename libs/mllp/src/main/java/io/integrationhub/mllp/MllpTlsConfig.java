package io.integrationhub.mllp;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS settings shared by {@link MllpServer} and {@link MllpClient}.
 *
 * <p>A server needs key material; trust material is needed when it asks for client certificates. A
 * client needs trust material for the server certificate (the JDK's default trust store when
 * absent) and key material only for mutual TLS. Trust-all is deliberately not offered.
 *
 * @param keyMaterial this side's certificate chain and private key
 * @param trustMaterial certificates this side trusts to sign the peer's certificate
 * @param clientAuth whether a server asks for client certificates (ignored by the client)
 * @param protocols enabled protocol versions, most preferred first
 * @param verifyHostname whether a client checks that the server certificate matches the host it
 *     connects to (ignored by the server)
 */
public record MllpTlsConfig(
    Optional<KeyMaterial> keyMaterial,
    Optional<TrustMaterial> trustMaterial,
    ClientAuth clientAuth,
    List<String> protocols,
    boolean verifyHostname) {

  /** TLS 1.3 and TLS 1.2. */
  public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** Validates and copies the settings. */
  public MllpTlsConfig {
    Objects.requireNonNull(keyMaterial, "keyMaterial");
    Objects.requireNonNull(trustMaterial, "trustMaterial");
    Objects.requireNonNull(clientAuth, "clientAuth");
    protocols = List.copyOf(Objects.requireNonNull(protocols, "protocols"));
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("protocols must name at least one TLS version");
    }
    if (clientAuth != ClientAuth.NONE && trustMaterial.isEmpty()) {
      throw new IllegalArgumentException(
          "clientAuth " + clientAuth + " needs trustMaterial to verify client certificates");
    }
  }

  /**
   * Starts a builder: no key or trust material, {@link ClientAuth#NONE}, {@link
   * #DEFAULT_PROTOCOLS}, hostname verification on.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether and how a server authenticates clients by certificate. */
  public enum ClientAuth {
    /** No client certificate requested. */
    NONE,
    /** A client certificate is requested and verified if sent. */
    OPTIONAL,
    /** A valid client certificate is required (mutual TLS). */
    REQUIRE
  }

  /** Key store file formats. */
  public enum KeyStoreType {
    /** PKCS#12 ({@code .p12}, {@code .pfx}). */
    PKCS12,
    /** Java key store. */
    JKS
  }

  /** A certificate chain with its private key. */
  public sealed interface KeyMaterial {

    /**
     * PEM files: the certificate chain (leaf first) and an unencrypted PKCS#8 private key.
     *
     * @param certificateChain PEM certificate chain file
     * @param privateKey PEM PKCS#8 private key file
     * @return the key material
     */
    static KeyMaterial pem(Path certificateChain, Path privateKey) {
      return new PemKeyMaterial(certificateChain, privateKey, Optional.empty());
    }

    /**
     * PEM files with an encrypted PKCS#8 private key.
     *
     * @param certificateChain PEM certificate chain file
     * @param privateKey PEM encrypted PKCS#8 private key file
     * @param keyPassword the key's password
     * @return the key material
     */
    static KeyMaterial pem(Path certificateChain, Path privateKey, String keyPassword) {
      return new PemKeyMaterial(certificateChain, privateKey, Optional.of(keyPassword));
    }

    /**
     * A key store file; its key password must equal the store password.
     *
     * @param path the key store file
     * @param password the store password
     * @param type the file format
     * @return the key material
     */
    static KeyMaterial keyStore(Path path, String password, KeyStoreType type) {
      return new KeyStoreKeyMaterial(path, password, type);
    }
  }

  /**
   * PEM key material.
   *
   * @param certificateChain PEM certificate chain file, leaf first
   * @param privateKey PEM PKCS#8 private key file
   * @param keyPassword the password of an encrypted key
   */
  public record PemKeyMaterial(Path certificateChain, Path privateKey, Optional<String> keyPassword)
      implements KeyMaterial {

    /** Checks no component is null. */
    public PemKeyMaterial {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(keyPassword, "keyPassword");
    }

    /** Hides the password. */
    @Override
    public String toString() {
      return "PemKeyMaterial[certificateChain="
          + certificateChain
          + ", privateKey="
          + privateKey
          + ", keyPassword="
          + (keyPassword.isPresent() ? "***" : "none")
          + "]";
    }
  }

  /**
   * Key store key material.
   *
   * @param path the key store file
   * @param password the store (and key) password
   * @param type the file format
   */
  public record KeyStoreKeyMaterial(Path path, String password, KeyStoreType type)
      implements KeyMaterial {

    /** Checks no component is null. */
    public KeyStoreKeyMaterial {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(type, "type");
    }

    /** Hides the password. */
    @Override
    public String toString() {
      return "KeyStoreKeyMaterial[path=" + path + ", password=***, type=" + type + "]";
    }
  }

  /** Certificates trusted to sign the peer's certificate. */
  public sealed interface TrustMaterial {

    /**
     * A PEM file with one or more certificates.
     *
     * @param certificates the PEM file
     * @return the trust material
     */
    static TrustMaterial pem(Path certificates) {
      return new PemTrustMaterial(certificates);
    }

    /**
     * A trust store file.
     *
     * @param path the trust store file
     * @param password the store password
     * @param type the file format
     * @return the trust material
     */
    static TrustMaterial trustStore(Path path, String password, KeyStoreType type) {
      return new TrustStoreTrustMaterial(path, password, type);
    }
  }

  /**
   * PEM trust material.
   *
   * @param certificates PEM file with the trusted certificates
   */
  public record PemTrustMaterial(Path certificates) implements TrustMaterial {

    /** Checks the path is present. */
    public PemTrustMaterial {
      Objects.requireNonNull(certificates, "certificates");
    }
  }

  /**
   * Trust store trust material.
   *
   * @param path the trust store file
   * @param password the store password
   * @param type the file format
   */
  public record TrustStoreTrustMaterial(Path path, String password, KeyStoreType type)
      implements TrustMaterial {

    /** Checks no component is null. */
    public TrustStoreTrustMaterial {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(type, "type");
    }

    /** Hides the password. */
    @Override
    public String toString() {
      return "TrustStoreTrustMaterial[path=" + path + ", password=***, type=" + type + "]";
    }
  }

  /** Builds a {@link MllpTlsConfig}. */
  public static final class Builder {
    private Optional<KeyMaterial> keyMaterial = Optional.empty();
    private Optional<TrustMaterial> trustMaterial = Optional.empty();
    private ClientAuth clientAuth = ClientAuth.NONE;
    private List<String> protocols = DEFAULT_PROTOCOLS;
    private boolean verifyHostname = true;

    private Builder() {}

    /**
     * Sets this side's certificate and key.
     *
     * @param keyMaterial the key material
     * @return this builder
     */
    public Builder keyMaterial(KeyMaterial keyMaterial) {
      this.keyMaterial = Optional.of(keyMaterial);
      return this;
    }

    /**
     * Sets the certificates trusted for the peer.
     *
     * @param trustMaterial the trust material
     * @return this builder
     */
    public Builder trustMaterial(TrustMaterial trustMaterial) {
      this.trustMaterial = Optional.of(trustMaterial);
      return this;
    }

    /**
     * Sets whether a server asks for client certificates.
     *
     * @param clientAuth the mode
     * @return this builder
     */
    public Builder clientAuth(ClientAuth clientAuth) {
      this.clientAuth = clientAuth;
      return this;
    }

    /**
     * Sets the enabled protocol versions.
     *
     * @param protocols for example {@code TLSv1.3}
     * @return this builder
     */
    public Builder protocols(List<String> protocols) {
      this.protocols = protocols;
      return this;
    }

    /**
     * Sets whether a client verifies the server's host name.
     *
     * @param verifyHostname true to verify (the default)
     * @return this builder
     */
    public Builder verifyHostname(boolean verifyHostname) {
      this.verifyHostname = verifyHostname;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the validated configuration
     * @throws IllegalArgumentException when the settings are inconsistent
     */
    public MllpTlsConfig build() {
      return new MllpTlsConfig(keyMaterial, trustMaterial, clientAuth, protocols, verifyHostname);
    }
  }
}
