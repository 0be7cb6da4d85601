package cn.govdata.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA like the one ECK gives each cluster, made at test time with the JDK's {@code
 * keytool}: an EC P-256 CA certificate and server keys it signs, so tests can run an HTTPS server
 * the client must trust through the CA file alone.
 */
record TestAuthority(Path directory, String name, Path keystore, X509Certificate certificate) {

  static final char[] PASSWORD = "test-only".toCharArray();

  /** A CA called {@code name}, its files kept under {@code directory}. */
  static TestAuthority create(Path directory, String name) throws Exception {
    Path keystore = directory.resolve(name + "-ca.p12");
    generateKey(keystore, "ca", "CN=" + name + " test CA", "-ext", "bc:c");
    X509Certificate certificate = (X509Certificate) load(keystore).getCertificate("ca");
    return new TestAuthority(directory, name, keystore, certificate);
  }

  /** The CA certificate as a PEM file, what {@code SearchSettings.caCertificate} names. */
  Path pemFile() throws IOException, GeneralSecurityException {
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + base64.encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(directory.resolve(name + "-ca.pem"), pem, StandardCharsets.US_ASCII);
  }

  /**
   * A keystore with a server key and its chain (server certificate, this CA) under alias {@code
   * server}; {@code subjectAlternativeName} in keytool's form, e.g. {@code ip:127.0.0.1}.
   */
  KeyStore serverKeys(String server, String subjectAlternativeName) throws Exception {
    Path serverStore = directory.resolve(server + ".p12");
    Path request = directory.resolve(server + ".csr");
    Path signed = directory.resolve(server + ".pem");
    generateKey(serverStore, "server", "CN=" + server);
    keytool(serverStore, "-certreq", "-alias", "server", "-file", request.toString());
    String extensions = "san=" + subjectAlternativeName;
    keytool(
        keystore,
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-validity",
        "30",
        "-ext",
        extensions,
        "-ext",
        "eku=serverAuth",
        "-infile",
        request.toString(),
        "-outfile",
        signed.toString());
    // the signed certificate and the CA replace the self-signed one, in memory
    KeyStore keys = load(serverStore);
    Key key = keys.getKey("server", PASSWORD);
    Certificate serverCertificate;
    try (InputStream in = Files.newInputStream(signed)) {
      serverCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    keys.setKeyEntry("server", key, PASSWORD, new Certificate[] {serverCertificate, certificate});
    return keys;
  }

  private static void generateKey(Path store, String alias, String subject, String... extra)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of("-genkeypair", "-alias", alias, "-dname", subject, "-validity", "30"));
    arguments.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    arguments.addAll(List.of(extra));
    keytool(store, arguments.toArray(String[]::new));
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  /** Runs keytool on the PKCS12 keystore {@code store} (created if need be). */
  private static void keytool(Path store, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(
        List.of(
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            new String(PASSWORD)));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException(
          "keytool " + arguments[0] + ": " + new String(output, StandardCharsets.UTF_8));
    }
  }
}
