package cn.govdata.search;

import cn.govdata.governance.validation.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust of a {@link SearchConnection} whose settings name a CA certificate file. */
final class SearchTls {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

  private SearchTls() {}

  /**
   * The X.509 certificates of a PEM file (one CA or a bundle); anything else is an invalid {@code
   * ca-certificate} naming the file.
   */
  static List<X509Certificate> readCertificates(Path pem) {
    byte[] content;
    try {
      content = Files.readAllBytes(pem);
    } catch (NoSuchFileException e) {
      throw invalid(pem, "search.ca-certificate.missing", "does not exist");
    } catch (IOException e) {
      throw invalid(pem, "search.ca-certificate.unreadable", "cannot be read: " + e);
    }
    // the factory would take DER too; the setting promises PEM, as ECK's ca.crt is
    if (!new String(content, StandardCharsets.ISO_8859_1).contains(BEGIN)) {
      throw invalid(
          pem, "search.ca-certificate.not-pem", "is not a PEM certificate (no " + BEGIN + " line)");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(content))) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (CertificateException e) {
      throw invalid(
          pem, "search.ca-certificate.not-pem", "is not a PEM certificate: " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw invalid(pem, "search.ca-certificate.not-pem", "holds no certificate");
    }
    return certificates;
  }

  /**
   * A TLS context that trusts the certificates of {@code pem} and nothing else; the HTTP client
   * still checks the host name against the server's certificate.
   */
  static SSLContext trusting(Path pem) {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      List<X509Certificate> certificates = readCertificates(pem);
      for (int i = 0; i < certificates.size(); i++) {
        trusted.setCertificateEntry("search-ca-" + i, certificates.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS trusting " + pem, e);
    }
  }

  private static InvalidFieldException invalid(Path pem, String rule, String problem) {
    return new InvalidFieldException(
        "ca-certificate", rule, "search CA certificate " + pem + " " + problem);
  }
}
