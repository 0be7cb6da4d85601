package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.validation.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * One registered peer node (对端节点) as the control plane writes it into {@code peers.json}: who it
 * is, where its exchange agent answers, the Ed25519 key its manifests and receipts verify with, and
 * the TLS certificate it must present.
 *
 * @param level the administrative level, e.g. {@code PROVINCE}, {@code CITY}
 * @param exchangeUrl the peer's exchange agent, {@code https://host:port}
 * @param certificate {@code null} when the registry has none for the peer (the control plane allows
 *     that, e.g. for a peer only harvested): such a peer is never trusted over TLS
 * @param enabled a disabled peer is refused like an unknown one
 */
public record Peer(
    String nodeId,
    String region,
    String level,
    URI exchangeUrl,
    PublicKey publicKey,
    X509Certificate certificate,
    boolean enabled) {

  /** Reads one element of {@code peers.json}; {@code index} names it in errors. */
  static Peer fromJson(Map<String, Object> json, int index) {
    String where = "peers[" + index + "].";
    String nodeId = text(json, where, "nodeId");
    URI url;
    try {
      url = URI.create(text(json, where, "exchangeUrl"));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(where + "exchangeUrl", "uri", e.getMessage());
    }
    if (!"https".equals(url.getScheme())) {
      throw new InvalidFieldException(
          where + "exchangeUrl", "https", "exchangeUrl must be an https URL, got " + url);
    }
    PublicKey key;
    try {
      key = NodeKey.parsePublicKey(text(json, where, "publicKey"));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(where + "publicKey", "ed25519-public-key", e.getMessage());
    }
    Object enabled = json.get("enabled");
    return new Peer(
        nodeId,
        (String) json.get("region"),
        (String) json.get("level"),
        url,
        key,
        json.get("certificatePem") instanceof String pem && !pem.isBlank()
            ? parseCertificate(pem, where + "certificatePem")
            : null,
        !Boolean.FALSE.equals(enabled));
  }

  static X509Certificate parseCertificate(String pem, String field) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new InvalidFieldException(field, "x509-pem", field + " is not a PEM X.509 certificate");
    }
  }

  private static String text(Map<String, Object> json, String where, String field) {
    Object value = json.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidFieldException(where + field, "required", where + field + " is required");
    }
    return text;
  }
}
