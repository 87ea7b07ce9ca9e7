package io.integrationhub.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.mllp.MllpTlsConfig.ClientAuth;
import io.integrationhub.mllp.MllpTlsConfig.KeyMaterial;
import io.integrationhub.mllp.MllpTlsConfig.KeyStoreType;
import io.integrationhub.mllp.MllpTlsConfig.TrustMaterial;
import io.integrationhub.mllp.testing.RawMllpClient;
import io.integrationhub.mllp.testing.TestKeyMaterial;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpServerTlsTest {

  private static final Duration REPLY = Duration.ofSeconds(5);
  private static final TestKeyMaterial KEYS = TestKeyMaterial.get();
  private static final String PASSWORD = TestKeyMaterial.PASSWORD;

  private final RecordingHandler handler = new RecordingHandler();

  @Test
  void servesTlsWithPemKeyMaterial() throws Exception {
    MllpTlsConfig serverTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()))
            .build();
    try (MllpServer server = start(serverTls);
        MllpClient client = client(server, clientTrustingServerPem().build())) {
      assertThat(client.send("MSH|tls", REPLY)).isEqualTo("ACK|MSH|tls");
    }
    MllpConnection connection = handler.requests.getFirst().connection();
    assertThat(connection.tls()).isTrue();
    assertThat(connection.peerPrincipal()).isEmpty();
  }

  @Test
  void servesTlsWithAKeyStore() throws Exception {
    MllpTlsConfig serverTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.keyStore(KEYS.serverKeyStore(), PASSWORD, KeyStoreType.PKCS12))
            .protocols(List.of("TLSv1.2"))
            .build();
    MllpTlsConfig clientTls =
        MllpTlsConfig.builder()
            .trustMaterial(
                TrustMaterial.trustStore(KEYS.clientTrustStore(), PASSWORD, KeyStoreType.PKCS12))
            .protocols(List.of("TLSv1.2"))
            .build();
    try (MllpServer server = start(serverTls);
        MllpClient client = client(server, clientTls)) {
      assertThat(client.send("MSH|1", REPLY)).isEqualTo("ACK|MSH|1");
      assertThat(client.send("MSH|2", REPLY)).isEqualTo("ACK|MSH|2");
    }
  }

  @Test
  void mutualTlsAcceptsATrustedClientAndReportsItsPrincipal() throws Exception {
    MllpTlsConfig clientTls =
        clientTrustingServerPem()
            .keyMaterial(KeyMaterial.keyStore(KEYS.clientKeyStore(), PASSWORD, KeyStoreType.PKCS12))
            .build();
    try (MllpServer server = start(mutualTls());
        MllpClient client = client(server, clientTls)) {
      assertThat(client.send("MSH|mtls", REPLY)).isEqualTo("ACK|MSH|mtls");
    }
    assertThat(handler.requests.getFirst().connection().peerPrincipal())
        .contains(TestKeyMaterial.CLIENT_SUBJECT);
  }

  @Test
  void mutualTlsRejectsAClientWithoutCertificate() throws Exception {
    try (MllpServer server = start(mutualTls());
        MllpClient client = client(server, clientTrustingServerPem().build())) {
      assertThatThrownBy(() -> client.send("MSH|anonymous", REPLY))
          .isInstanceOfAny(MllpConnectException.class, MllpConnectionClosedException.class);
    }
    assertThat(handler.requests).isEmpty();
  }

  @Test
  void mutualTlsRejectsAnUntrustedClientCertificate() throws Exception {
    MllpTlsConfig rogueTls =
        clientTrustingServerPem()
            .keyMaterial(
                KeyMaterial.keyStore(KEYS.rogueClientKeyStore(), PASSWORD, KeyStoreType.PKCS12))
            .build();
    try (MllpServer server = start(mutualTls());
        MllpClient client = client(server, rogueTls)) {
      assertThatThrownBy(() -> client.send("MSH|rogue", REPLY))
          .isInstanceOfAny(MllpConnectException.class, MllpConnectionClosedException.class);
    }
    assertThat(handler.requests).isEmpty();
  }

  @Test
  void optionalClientAuthAcceptsClientsWithAndWithoutCertificate() throws Exception {
    MllpTlsConfig serverTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()))
            .trustMaterial(TrustMaterial.pem(KEYS.clientCertificatePem()))
            .clientAuth(ClientAuth.OPTIONAL)
            .build();
    MllpTlsConfig withCertificate =
        clientTrustingServerPem()
            .keyMaterial(KeyMaterial.pem(KEYS.clientCertificatePem(), KEYS.clientKeyPem()))
            .build();
    try (MllpServer server = start(serverTls);
        MllpClient anonymous = client(server, clientTrustingServerPem().build());
        MllpClient identified = client(server, withCertificate)) {
      assertThat(anonymous.send("MSH|1", REPLY)).isEqualTo("ACK|MSH|1");
      assertThat(identified.send("MSH|2", REPLY)).isEqualTo("ACK|MSH|2");
    }
    assertThat(handler.requests)
        .extracting(r -> r.connection().peerPrincipal())
        .containsExactly(
            java.util.Optional.empty(), java.util.Optional.of(TestKeyMaterial.CLIENT_SUBJECT));
  }

  @Test
  void plainTextClientGetsNothingFromATlsServer() throws Exception {
    MllpTlsConfig serverTls =
        MllpTlsConfig.builder()
            .keyMaterial(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()))
            .build();
    try (MllpServer server = start(serverTls);
        RawMllpClient plain = RawMllpClient.connect(server.port())) {
      plain.sendFrame("MSH|plain");

      assertThat(plain.awaitClosedByPeer(REPLY)).isTrue();
    }
    assertThat(handler.requests).isEmpty();
  }

  private MllpServer start(MllpTlsConfig tls) {
    return RecordingHandler.start(MllpServerConfig.builder().tls(tls).build(), handler);
  }

  private static MllpTlsConfig mutualTls() {
    return MllpTlsConfig.builder()
        .keyMaterial(KeyMaterial.pem(KEYS.serverCertificatePem(), KEYS.serverKeyPem()))
        .trustMaterial(
            TrustMaterial.trustStore(KEYS.serverTrustStore(), PASSWORD, KeyStoreType.PKCS12))
        .clientAuth(ClientAuth.REQUIRE)
        .build();
  }

  private static MllpTlsConfig.Builder clientTrustingServerPem() {
    return MllpTlsConfig.builder().trustMaterial(TrustMaterial.pem(KEYS.serverCertificatePem()));
  }

  private static MllpClient client(MllpServer server, MllpTlsConfig tls) {
    return new MllpClient(
        MllpClientConfig.builder("127.0.0.1", server.port())
            .connectTimeout(Duration.ofSeconds(5))
            .tls(tls)
            .build());
  }
}
