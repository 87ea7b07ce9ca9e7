package io.integrationhub.mllp.internal;

import io.integrationhub.mllp.MllpTlsConfig;
import io.integrationhub.mllp.MllpTlsConfig.KeyMaterial;
import io.integrationhub.mllp.MllpTlsConfig.KeyStoreKeyMaterial;
import io.integrationhub.mllp.MllpTlsConfig.PemKeyMaterial;
import io.integrationhub.mllp.MllpTlsConfig.PemTrustMaterial;
import io.integrationhub.mllp.MllpTlsConfig.TrustMaterial;
import io.integrationhub.mllp.MllpTlsConfig.TrustStoreTrustMaterial;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds Netty SSL contexts (JDK provider) from {@link MllpTlsConfig}. */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * Builds a server context.
   *
   * @param tls settings with key material
   * @return the context
   * @throws IOException when a file cannot be read or parsed
   * @throws GeneralSecurityException when key or trust material is invalid
   */
  public static SslContext forServer(MllpTlsConfig tls)
      throws IOException, GeneralSecurityException {
    KeyMaterial keyMaterial =
        tls.keyMaterial()
            .orElseThrow(() -> new IllegalArgumentException("a TLS server needs key material"));
    SslContextBuilder builder =
        switch (keyMaterial) {
          case PemKeyMaterial pem ->
              SslContextBuilder.forServer(
                  pem.certificateChain().toFile(),
                  pem.privateKey().toFile(),
                  pem.keyPassword().orElse(null));
          case KeyStoreKeyMaterial store -> SslContextBuilder.forServer(keyManagers(store));
        };
    if (tls.trustMaterial().isPresent()) {
      trust(builder, tls.trustMaterial().get());
    }
    builder.clientAuth(
        switch (tls.clientAuth()) {
          case NONE -> ClientAuth.NONE;
          case OPTIONAL -> ClientAuth.OPTIONAL;
          case REQUIRE -> ClientAuth.REQUIRE;
        });
    return builder.sslProvider(SslProvider.JDK).protocols(tls.protocols()).build();
  }

  /**
   * Builds a client context; without trust material the JDK's default trust store applies.
   *
   * @param tls settings
   * @return the context
   * @throws IOException when a file cannot be read or parsed
   * @throws GeneralSecurityException when key or trust material is invalid
   */
  public static SslContext forClient(MllpTlsConfig tls)
      throws IOException, GeneralSecurityException {
    SslContextBuilder builder = SslContextBuilder.forClient();
    if (tls.keyMaterial().isPresent()) {
      switch (tls.keyMaterial().get()) {
        case PemKeyMaterial pem ->
            builder.keyManager(
                pem.certificateChain().toFile(),
                pem.privateKey().toFile(),
                pem.keyPassword().orElse(null));
        case KeyStoreKeyMaterial store -> builder.keyManager(keyManagers(store));
      }
    }
    if (tls.trustMaterial().isPresent()) {
      trust(builder, tls.trustMaterial().get());
    }
    return builder.sslProvider(SslProvider.JDK).protocols(tls.protocols()).build();
  }

  private static void trust(SslContextBuilder builder, TrustMaterial trust)
      throws IOException, GeneralSecurityException {
    switch (trust) {
      case PemTrustMaterial pem -> builder.trustManager(pem.certificates().toFile());
      case TrustStoreTrustMaterial store -> {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(store.path(), store.password(), store.type()));
        builder.trustManager(factory);
      }
    }
  }

  private static KeyManagerFactory keyManagers(KeyStoreKeyMaterial store)
      throws IOException, GeneralSecurityException {
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(
        load(store.path(), store.password(), store.type()), store.password().toCharArray());
    return factory;
  }

  private static KeyStore load(Path path, String password, MllpTlsConfig.KeyStoreType type)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance(type.name());
    try (InputStream in = Files.newInputStream(path)) {
      keyStore.load(in, password.toCharArray());
    }
    return keyStore;
  }
}
