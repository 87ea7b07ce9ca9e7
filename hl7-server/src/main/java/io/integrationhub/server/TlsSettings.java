package io.integrationhub.server;

import io.integrationhub.config.EnvironmentReader;
import io.integrationhub.mllp.MllpTlsConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Optional TLS on the MLLP listener: {@code MLLP_TLS_CERT_FILE} and {@code MLLP_TLS_KEY_FILE} (PEM)
 * switch it on; {@code MLLP_TLS_CLIENT_CA_FILE} (PEM) also requires client certificates (mTLS).
 */
public record TlsSettings(Path certificateChain, Path privateKey, Optional<Path> clientCa) {

  static Optional<TlsSettings> from(EnvironmentReader env) {
    Optional<Path> cert = env.path("MLLP_TLS_CERT_FILE");
    Optional<Path> key = env.path("MLLP_TLS_KEY_FILE");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          "MLLP_TLS_CERT_FILE and MLLP_TLS_KEY_FILE must be set together");
    }
    Optional<Path> clientCa = env.path("MLLP_TLS_CLIENT_CA_FILE");
    if (clientCa.isPresent() && cert.isEmpty()) {
      // Without this the listener would silently run plaintext, without client authentication.
      throw new IllegalArgumentException(
          "MLLP_TLS_CLIENT_CA_FILE requires MLLP_TLS_CERT_FILE and MLLP_TLS_KEY_FILE");
    }
    return cert.map(path -> new TlsSettings(path, key.get(), clientCa));
  }

  /** The MLLP library's TLS configuration. */
  public MllpTlsConfig toConfig() {
    MllpTlsConfig.Builder builder =
        MllpTlsConfig.builder()
            .keyMaterial(
                new MllpTlsConfig.PemKeyMaterial(certificateChain, privateKey, Optional.empty()));
    clientCa.ifPresent(
        ca ->
            builder
                .trustMaterial(new MllpTlsConfig.PemTrustMaterial(ca))
                .clientAuth(MllpTlsConfig.ClientAuth.REQUIRE));
    return builder.build();
  }
}
