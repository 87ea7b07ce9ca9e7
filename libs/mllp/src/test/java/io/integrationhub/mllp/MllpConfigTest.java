package io.integrationhub.mllp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpConfigTest {

  private static final MllpTlsConfig SERVER_TLS =
      MllpTlsConfig.builder()
          .keyMaterial(MllpTlsConfig.KeyMaterial.pem(Path.of("server.crt"), Path.of("server.key")))
          .build();

  @Test
  void serverDefaults() {
    MllpServerConfig config = MllpServerConfig.builder().build();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isZero();
    assertThat(config.maxFrameBytes()).isEqualTo(1_048_576);
    assertThat(config.readIdleTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxConnections()).isEqualTo(1000);
    assertThat(config.charset()).isEmpty();
    assertThat(config.defaultCharset()).isEqualTo(UTF_8);
    assertThat(config.tls()).isEmpty();
    assertThat(config.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void serverBuilderSetsEverything() {
    MllpServerConfig config =
        MllpServerConfig.builder()
            .host("0.0.0.0")
            .port(2575)
            .maxFrameBytes(2000)
            .readIdleTimeout(Duration.ofSeconds(1))
            .maxConnections(5)
            .charset(ISO_8859_1)
            .defaultCharset(ISO_8859_1)
            .tls(SERVER_TLS)
            .shutdownGracePeriod(Duration.ZERO)
            .build();

    assertThat(config)
        .isEqualTo(
            new MllpServerConfig(
                "0.0.0.0",
                2575,
                2000,
                Duration.ofSeconds(1),
                5,
                java.util.Optional.of(ISO_8859_1),
                ISO_8859_1,
                java.util.Optional.of(SERVER_TLS),
                Duration.ZERO));
  }

  @Test
  void serverValidationNamesTheSetting() {
    assertInvalid(MllpServerConfig.builder().host(" "), "host must not be blank");
    assertInvalid(MllpServerConfig.builder().port(-1), "port must be between 0 and 65535");
    assertInvalid(MllpServerConfig.builder().port(65_536), "port must be between 0 and 65535");
    assertInvalid(MllpServerConfig.builder().maxFrameBytes(2), "maxFrameBytes must be at least 3");
    assertInvalid(
        MllpServerConfig.builder().readIdleTimeout(Duration.ZERO),
        "readIdleTimeout must be positive");
    assertInvalid(
        MllpServerConfig.builder().maxConnections(0), "maxConnections must be at least 1");
    assertInvalid(
        MllpServerConfig.builder().shutdownGracePeriod(Duration.ofSeconds(-1)),
        "shutdownGracePeriod must not be negative");
    assertInvalid(
        MllpServerConfig.builder().tls(MllpTlsConfig.builder().build()),
        "a TLS server needs keyMaterial");
    assertThatThrownBy(() -> MllpServerConfig.builder().defaultCharset(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("defaultCharset");
  }

  @Test
  void clientDefaultsAndValidation() {
    MllpClientConfig config = MllpClientConfig.builder("mpi.example", 2575).build();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxFrameBytes()).isEqualTo(1_048_576);
    assertThat(config.charset()).isEqualTo(UTF_8);
    assertThat(config.tls()).isEmpty();
    assertThat(config.eventLoopGroup()).isEmpty();

    assertThatThrownBy(() -> MllpClientConfig.builder("", 1).build())
        .hasMessageContaining("host must not be blank");
    assertThatThrownBy(() -> MllpClientConfig.builder("h", 0).build())
        .hasMessageContaining("port must be between 1 and 65535");
    assertThatThrownBy(
            () -> MllpClientConfig.builder("h", 1).connectTimeout(Duration.ofMillis(-1)).build())
        .hasMessageContaining("connectTimeout must be positive");
    assertThatThrownBy(
            () -> MllpClientConfig.builder("h", 1).connectTimeout(Duration.ofDays(30)).build())
        .hasMessageContaining("connectTimeout is too long");
    assertThatThrownBy(() -> MllpClientConfig.builder("h", 1).maxFrameBytes(0).build())
        .hasMessageContaining("maxFrameBytes must be at least 3");
  }

  @Test
  void clientBuilderSetsEverything() {
    NioEventLoopGroup group = new NioEventLoopGroup(1);
    try {
      MllpClientConfig config =
          MllpClientConfig.builder("h", 1)
              .connectTimeout(Duration.ofSeconds(1))
              .maxFrameBytes(10)
              .charset(ISO_8859_1)
              .tls(MllpTlsConfig.builder().build())
              .eventLoopGroup(group)
              .build();
      assertThat(config.eventLoopGroup()).containsSame(group);
      assertThat(MllpClientConfig.builder().host("h").port(1).build())
          .isEqualTo(MllpClientConfig.builder("h", 1).build());
      assertThat(config.charset()).isEqualTo(ISO_8859_1);
      assertThat(config.tls()).isPresent();
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void tlsDefaultsAndValidation() {
    MllpTlsConfig tls = MllpTlsConfig.builder().build();
    assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(tls.clientAuth()).isEqualTo(MllpTlsConfig.ClientAuth.NONE);
    assertThat(tls.verifyHostname()).isTrue();

    assertThatThrownBy(
            () -> MllpTlsConfig.builder().clientAuth(MllpTlsConfig.ClientAuth.REQUIRE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs trustMaterial");
    assertThatThrownBy(() -> MllpTlsConfig.builder().protocols(List.of()).build())
        .hasMessageContaining("at least one TLS version");
  }

  @Test
  void tlsDescriptionsHidePasswords() {
    MllpTlsConfig tls =
        MllpTlsConfig.builder()
            .keyMaterial(
                MllpTlsConfig.KeyMaterial.keyStore(
                    Path.of("k.p12"), "s3cret-key", MllpTlsConfig.KeyStoreType.PKCS12))
            .trustMaterial(
                MllpTlsConfig.TrustMaterial.trustStore(
                    Path.of("t.jks"), "s3cret-trust", MllpTlsConfig.KeyStoreType.JKS))
            .clientAuth(MllpTlsConfig.ClientAuth.OPTIONAL)
            .protocols(List.of("TLSv1.3"))
            .verifyHostname(false)
            .build();
    MllpTlsConfig.KeyMaterial pem =
        MllpTlsConfig.KeyMaterial.pem(Path.of("c.pem"), Path.of("k.pem"), "s3cret-pem");

    assertThat(tls.toString()).doesNotContain("s3cret").contains("k.p12", "t.jks");
    assertThat(pem.toString()).doesNotContain("s3cret").contains("***");
    assertThat(MllpTlsConfig.KeyMaterial.pem(Path.of("c"), Path.of("k")).toString())
        .contains("keyPassword=none");
    assertThat(MllpTlsConfig.TrustMaterial.pem(Path.of("ca.pem")))
        .isEqualTo(new MllpTlsConfig.PemTrustMaterial(Path.of("ca.pem")));
  }

  private static void assertInvalid(MllpServerConfig.Builder builder, String message) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
