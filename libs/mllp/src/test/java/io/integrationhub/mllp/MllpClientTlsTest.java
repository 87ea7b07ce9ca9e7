package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.MllpTlsConfig.KeyMaterial;
import io.integrationhub.mllp.MllpTlsConfig.KeyStoreType;
import io.integrationhub.mllp.MllpTlsConfig.TrustMaterial;
import io.integrationhub.mllp.testing.TestKeyMaterial;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MllpClientTlsTest {

  private static final Duration REPLY = Duration.ofSeconds(5);
  private static final TestKeyMaterial KEYS = TestKeyMaterial.get();
  private static final String PASSWORD = TestKeyMaterial.PASSWORD;

  private final RecordingHandler handler = new RecordingHandler();

  @Test
  void verifiesTheServerHostName() throws Exception {
    try (MllpServer server =
            start(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()));
        MllpClient byIp = client("127.0.0.1", server, trusting(KEYS.serverCertificatePem(), true));
        MllpClient byName =
            client("localhost", server, trusting(KEYS.serverCertificatePem(), true))) {
      assertThat(byIp.send("MSH|1", REPLY)).isEqualTo("ACK|MSH|1");
      assertThat(byName.send("MSH|2", REPLY)).isEqualTo("ACK|MSH|2");
    }
  }

  @Test
  void rejectsACertificateThatDoesNotNameTheHostUnlessVerificationIsOff(@TempDir Path dir)
      throws Exception {
    // The rogue certificate is trusted here but names no host.
    Path rogueCertificate = dir.resolve("rogue.crt");
    java.nio.file.Files.writeString(rogueCertificate, pemOf(KEYS.rogueClientKeyStore(), "rogue"));
    KeyMaterial rogueKey =
        KeyMaterial.keyStore(KEYS.rogueClientKeyStore(), PASSWORD, KeyStoreType.PKCS12);
    try (MllpServer server = start(rogueKey);
        MllpClient verifying = client("127.0.0.1", server, trusting(rogueCertificate, true));
        MllpClient lenient = client("127.0.0.1", server, trusting(rogueCertificate, false))) {
      assertThatThrownBy(() -> verifying.send("MSH|1", REPLY))
          .isInstanceOf(MllpConnectException.class)
          .hasMessageContaining("TLS handshake");
      assertThat(lenient.send("MSH|2", REPLY)).isEqualTo("ACK|MSH|2");
    }
  }

  @Test
  void rejectsAnUntrustedServer() throws Exception {
    try (MllpServer server =
            start(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()));
        MllpClient client =
            client("127.0.0.1", server, trusting(KEYS.clientCertificatePem(), true))) {
      assertThatThrownBy(() -> client.send("MSH|1", REPLY))
          .isInstanceOf(MllpConnectException.class);
      assertThat(client.isConnected()).isFalse();
    }
    assertThat(handler.requests).isEmpty();
  }

  @Test
  void sendsPemClientCertificateForMutualTls() throws Exception {
    MllpTlsConfig serverTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.keyStore(KEYS.serverKeyStore(), PASSWORD, KeyStoreType.PKCS12))
            .trustMaterial(TrustMaterial.pem(KEYS.clientCertificatePem()))
            .clientAuth(MllpTlsConfig.ClientAuth.REQUIRE)
            .build();
    MllpTlsConfig clientTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.pem(KEYS.clientCertificatePem(), KEYS.clientKeyPem()))
            .trustMaterial(
                TrustMaterial.trustStore(KEYS.clientTrustStore(), PASSWORD, KeyStoreType.PKCS12))
            .build();
    try (MllpServer server =
            RecordingHandler.start(MllpServerConfig.builder().tls(serverTls).build(), handler);
        MllpClient client = client("127.0.0.1", server, clientTls)) {
      client.connect();
      assertThat(client.isConnected()).isTrue();
      assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK|MSH|1");
    }
    assertThat(handler.requests.getFirst().connection().peerPrincipal())
        .contains(TestKeyMaterial.CLIENT_SUBJECT);
  }

  @Test
  void unreadableTrustMaterialFailsAtConstruction(@TempDir Path dir) {
    MllpClientConfig config =
        MllpClientConfig.builder("127.0.0.1", 2575)
            .tls(
                MllpTlsConfig.builder()
                    .trustMaterial(
                        TrustMaterial.trustStore(
                            dir.resolve("missing.p12"), PASSWORD, KeyStoreType.PKCS12))
                    .build())
            .build();

    assertThatThrownBy(() -> new MllpClient(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.p12");
  }

  private MllpServer start(KeyMaterial keyMaterial) {
    return RecordingHandler.start(
        MllpServerConfig.builder()
            .tls(MllpTlsConfig.builder().keyMaterial(keyMaterial).build())
            .build(),
        handler);
  }

  private static MllpTlsConfig trusting(Path certificate, boolean verifyHostname) {
    return MllpTlsConfig.builder()
        .trustMaterial(TrustMaterial.pem(certificate))
        .verifyHostname(verifyHostname)
        .build();
  }

  private static MllpClient client(String host, MllpServer server, MllpTlsConfig tls) {
    return new MllpClient(
        MllpClientConfig.builder(host, server.port())
            .connectTimeout(Duration.ofSeconds(5))
            .tls(tls)
            .build());
  }

  private static String pemOf(Path keyStore, String alias) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder().encodeToString(store.getCertificate(alias).getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
