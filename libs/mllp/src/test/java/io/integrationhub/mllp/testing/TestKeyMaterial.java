package io.integrationhub.mllp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away TLS material generated once per JVM with the JDK's {@code keytool}: self-signed EC
 * certificates for a server ({@code localhost} / {@code 127.0.0.1}), a client and a second,
 * untrusted client, as PKCS#12 key stores, PEM files (certificate and PKCS#8 key) and trust stores.
 * Files live in a temporary directory deleted at JVM exit.
 */
public final class TestKeyMaterial {

  /** Password of every key store and trust store. */
  public static final String PASSWORD = "changeit";

  /** Subject of the trusted client certificate. */
  public static final String CLIENT_SUBJECT = "CN=mllp-test-client,O=Integration Hub Tests";

  private static final String SERVER_SUBJECT = "CN=localhost,O=Integration Hub Tests";
  private static final String ROGUE_SUBJECT = "CN=mllp-rogue-client,O=Integration Hub Tests";

  private final Path directory;

  private TestKeyMaterial(Path directory) {
    this.directory = directory;
  }

  /**
   * The material, generated on first use.
   *
   * @return the shared instance
   */
  public static TestKeyMaterial get() {
    return Holder.INSTANCE;
  }

  /**
   * Server key store (PKCS#12, alias {@code server}).
   *
   * @return the file
   */
  public Path serverKeyStore() {
    return directory.resolve("server.p12");
  }

  /**
   * Trusted client key store (PKCS#12, alias {@code client}).
   *
   * @return the file
   */
  public Path clientKeyStore() {
    return directory.resolve("client.p12");
  }

  /**
   * Key store of a client whose certificate nobody trusts.
   *
   * @return the file
   */
  public Path rogueClientKeyStore() {
    return directory.resolve("rogue.p12");
  }

  /**
   * Server certificate, PEM.
   *
   * @return the file
   */
  public Path serverCertificatePem() {
    return directory.resolve("server.crt");
  }

  /**
   * Server private key, unencrypted PKCS#8 PEM.
   *
   * @return the file
   */
  public Path serverKeyPem() {
    return directory.resolve("server.key");
  }

  /**
   * Trusted client certificate, PEM.
   *
   * @return the file
   */
  public Path clientCertificatePem() {
    return directory.resolve("client.crt");
  }

  /**
   * Trusted client private key, unencrypted PKCS#8 PEM.
   *
   * @return the file
   */
  public Path clientKeyPem() {
    return directory.resolve("client.key");
  }

  /**
   * Trust store (PKCS#12) holding the server certificate, for clients.
   *
   * @return the file
   */
  public Path clientTrustStore() {
    return directory.resolve("client-truststore.p12");
  }

  /**
   * Trust store (PKCS#12) holding the trusted client certificate, for servers.
   *
   * @return the file
   */
  public Path serverTrustStore() {
    return directory.resolve("server-truststore.p12");
  }

  private static TestKeyMaterial generate() throws IOException, GeneralSecurityException {
    Path directory = Files.createTempDirectory("mllp-tls-");
    directory.toFile().deleteOnExit();
    TestKeyMaterial material = new TestKeyMaterial(directory);
    List<Process> keytools = new ArrayList<>();
    keytools.add(keytool(material.serverKeyStore(), "server", SERVER_SUBJECT, true));
    keytools.add(keytool(material.clientKeyStore(), "client", CLIENT_SUBJECT, false));
    keytools.add(keytool(material.rogueClientKeyStore(), "rogue", ROGUE_SUBJECT, false));
    for (Process keytool : keytools) {
      awaitSuccess(keytool);
    }
    material.exportPem(material.serverKeyStore(), "server", "server");
    material.exportPem(material.clientKeyStore(), "client", "client");
    material.trustStore(material.clientTrustStore(), material.serverKeyStore(), "server");
    material.trustStore(material.serverTrustStore(), material.clientKeyStore(), "client");
    try (var files = Files.list(directory)) {
      files.forEach(file -> file.toFile().deleteOnExit());
    }
    return material;
  }

  private static Process keytool(Path keyStore, String alias, String subject, boolean server)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                subject,
                "-validity",
                "2",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    if (server) {
      command.addAll(List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1"));
    }
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitSuccess(Process process) throws IOException {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for keytool", e);
    }
    if (process.exitValue() != 0) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException("keytool failed: " + output);
    }
  }

  private void exportPem(Path keyStore, String alias, String baseName)
      throws IOException, GeneralSecurityException {
    KeyStore store = load(keyStore);
    X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
    Key key = store.getKey(alias, PASSWORD.toCharArray());
    Files.writeString(
        directory.resolve(baseName + ".crt"), pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(directory.resolve(baseName + ".key"), pem("PRIVATE KEY", key.getEncoded()));
  }

  private void trustStore(Path trustStore, Path source, String alias)
      throws IOException, GeneralSecurityException {
    Certificate certificate = load(source).getCertificate(alias);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(alias, certificate);
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      store.store(out, PASSWORD.toCharArray());
    }
  }

  private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static final class Holder {
    private static final TestKeyMaterial INSTANCE;

    static {
      try {
        INSTANCE = generate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
