package cn.govdata.catalog.federation;

import cn.govdata.catalog.GovdataProperties;
import cn.govdata.governance.directory.AdministrativeLevel;
import cn.govdata.governance.exchange.NodeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * This node as its peers see it: the configured identity, the Ed25519 signing key (created on first
 * start under {@code govdata.home/node/}, kept across restarts) and the agent's TLS certificate
 * when one is configured.
 */
@Component
public class NodeIdentity {

  private final NodeProperties node;
  private final NodeKey key;
  private final NodeKey localReceiverKey;
  private final String certificatePem;

  NodeIdentity(NodeProperties node, GovdataProperties govdata) {
    this.node = node;
    this.key = NodeKey.loadOrCreate(node.id(), govdata.home().resolve(NodeKey.HOME_KEY_FILE));
    this.localReceiverKey =
        NodeKey.loadOrCreate(
            NodeKey.localReceiverId(node.id()),
            govdata.home().resolve(NodeKey.LOCAL_RECEIVER_KEY_FILE));
    this.certificatePem = readCertificate(node.certificateFile());
  }

  /** What {@code GET /api/v1/federation/node} answers. */
  public record View(
      String nodeId,
      String regionCode,
      AdministrativeLevel level,
      String baseUrl,
      String exchangeUrl,
      String publicKey,
      String certificatePem) {}

  public View view() {
    return new View(
        node.id(),
        node.regionCode(),
        node.level(),
        node.baseUrl().toString(),
        node.exchangeUrl() == null ? null : node.exchangeUrl().toString(),
        key.publicKeyText(),
        certificatePem);
  }

  public NodeKey key() {
    return key;
  }

  /**
   * The key that signs receipts for this node's own consumers (FILES and JDBC targets), shared with
   * the node's {@code deliver-due} through the home directory.
   */
  public NodeKey localReceiverKey() {
    return localReceiverKey;
  }

  public NodeProperties properties() {
    return node;
  }

  private static String readCertificate(Path file) {
    if (file == null) {
      return null;
    }
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      Certificates.parse(pem, "govdata.node.certificate-file", Instant.now());
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the node certificate " + file, e);
    }
  }
}
