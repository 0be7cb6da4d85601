package cn.govdata.catalog.federation;

import cn.govdata.governance.validation.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** Reads the PEM X.509 certificates of nodes' exchange agents. */
final class Certificates {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

  private Certificates() {}

  /** What the registry shows of a certificate. */
  record Parsed(String subject, Instant notAfter) {}

  /**
   * Parses one PEM certificate valid at {@code now}; anything else is an invalid {@code field}
   * ({@code certificate.malformed}, {@code certificate.expired}, {@code
   * certificate.not-yet-valid}).
   */
  static Parsed parse(String pem, String field, Instant now) {
    X509Certificate certificate;
    try {
      if (!pem.strip().startsWith(BEGIN)) {
        throw new CertificateException("no " + BEGIN + " line");
      }
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new InvalidFieldException(
          field, "certificate.malformed", field + " is not a PEM X.509 certificate");
    }
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (notAfter.isBefore(now)) {
      throw new InvalidFieldException(
          field, "certificate.expired", field + " expired on " + notAfter);
    }
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (notBefore.isAfter(now)) {
      throw new InvalidFieldException(
          field, "certificate.not-yet-valid", field + " is valid only from " + notBefore);
    }
    return new Parsed(certificate.getSubjectX500Principal().getName(), notAfter);
  }
}
