package cn.govdata.pipelines.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small certificate authority and node certificates for tests, benchmarks and the demo, made with
 * the JDK's {@code keytool} (no extra library): EC P-256 keys, node certificates with the node id
 * as CN, {@code 127.0.0.1}/{@code localhost} as subject alternative names and both TLS client and
 * server use. A production node gets its certificate from the zone's CA instead.
 */
public final class NodeCertificates {

  /** A CA's keystore and its certificate as PEM. */
  public record Authority(Path keystore, String password, String certificatePem) {}

  /**
   * A node's PKCS12 keystore (key and chain) and its certificate as PEM, for {@code peers.json}.
   */
  public record NodeCertificate(Path keystore, String password, String certificatePem) {}

  private NodeCertificates() {}

  /** A CA named {@code name}, valid ten years, kept under {@code directory}. */
  public static Authority authority(Path directory, String name, String password) {
    Path keystore = directory.resolve(name + "-ca.p12");
    Path pem = directory.resolve(name + "-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name + " CA, O=govdata",
        "-ext",
        "bc:c",
        "-validity",
        "3650",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-file",
        pem.toString());
    return new Authority(keystore, password, read(pem));
  }

  /**
   * A certificate for {@code nodeId} signed by {@code authority}, valid from {@code startDate}
   * (keytool's form, e.g. {@code -1d} or {@code -10d}) for {@code validityDays}.
   */
  public static NodeCertificate node(
      Authority authority, Path directory, String nodeId, String startDate, int validityDays) {
    Path keystore = directory.resolve(nodeId + ".p12");
    Path request = directory.resolve(nodeId + ".csr");
    Path certificate = directory.resolve(nodeId + ".pem");
    Path chain = directory.resolve(nodeId + "-chain.pem");
    String password = authority.password();
    keytool(
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + nodeId + ", O=govdata",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    keytool(
        "-certreq",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-file",
        request.toString());
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        authority.keystore().toString(),
        "-storepass",
        authority.password(),
        "-infile",
        request.toString(),
        "-outfile",
        certificate.toString(),
        "-startdate",
        startDate,
        "-validity",
        String.valueOf(validityDays),
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-ext",
        "eku=serverAuth,clientAuth");
    try {
      Files.writeString(chain, read(certificate) + authority.certificatePem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-file",
        chain.toString());
    return new NodeCertificate(keystore, password, read(certificate));
  }

  /** A certificate valid from yesterday for a year. */
  public static NodeCertificate node(Authority authority, Path directory, String nodeId) {
    return node(authority, directory, nodeId, "-1d", 365);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
