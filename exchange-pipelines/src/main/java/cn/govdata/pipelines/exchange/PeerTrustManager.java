package cn.govdata.pipelines.exchange;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust by registration: a certificate is trusted when it is exactly the certificate the peer
 * registry holds for an enabled peer, and valid now. No certificate authority is trusted as such: a
 * certificate from the right CA that the control plane has not registered is refused, and so is a
 * registered one that has expired. Every refusal is reported to {@link Refusals} before the
 * handshake fails, so that it reaches the exchange log.
 *
 * <p>On the client side the one peer the connection is meant for ({@code expectedPeer}) must
 * answer; this pins the server's certificate, so no host name check is needed.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

  /** Told of each certificate refused, with the certificate's subject and the reason. */
  @FunctionalInterface
  interface Refusals {
    void refused(String subject, String reason);

    Refusals NONE = (subject, reason) -> {};
  }

  private final PeerRegistry registry;
  private final Clock clock;
  private final Refusals refusals;
  private final String expectedPeer;

  PeerTrustManager(PeerRegistry registry, Clock clock, Refusals refusals, String expectedPeer) {
    this.registry = registry;
    this.clock = clock;
    this.refusals = refusals;
    this.expectedPeer = expectedPeer;
  }

  /** The peer that {@code chain} belongs to, or a refusal. */
  Peer check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw refuse("(none)", "no client certificate");
    }
    X509Certificate certificate = chain[0];
    String subject = certificate.getSubjectX500Principal().getName();
    Peer peer =
        registry
            .byCertificate(certificate)
            .orElseThrow(
                () ->
                    refuse(
                        subject,
                        "not the certificate of a registered peer (issuer "
                            + certificate.getIssuerX500Principal().getName()
                            + ")"));
    if (!peer.enabled()) {
      throw refuse(subject, "peer " + peer.nodeId() + " is disabled");
    }
    if (expectedPeer != null && !expectedPeer.equals(peer.nodeId())) {
      throw refuse(subject, "expected peer " + expectedPeer + ", found " + peer.nodeId());
    }
    try {
      certificate.checkValidity(Date.from(clock.instant()));
    } catch (CertificateExpiredException e) {
      throw refuse(subject, "certificate expired on " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      throw refuse(
          subject, "certificate not valid before " + certificate.getNotBefore().toInstant());
    }
    return peer;
  }

  private CertificateException refuse(String subject, String reason) {
    refusals.refused(subject, reason);
    return new CertificateException("refused " + subject + ": " + reason);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  /** No issuer list: the client sends its one node certificate, whoever signed it. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
