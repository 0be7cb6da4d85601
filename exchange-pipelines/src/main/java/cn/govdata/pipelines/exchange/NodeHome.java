package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.NodeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Where a node keeps its federation files under its home directory:
 *
 * <pre>
 * federation/peers.json       the peer registry, written by the control plane
 * node/node-key.pem(.pub)     the node's Ed25519 signing key (created on first use), shared with
 *                             the node's catalog service when both have this home
 * exchange/inbound-log.jsonl  the agent's exchange log (what was received, who was refused)
 * exchange/outbound-log.jsonl the deliveries' exchange log (what was sent, the receipts)
 * exchange/outbox/            deliveries staged before they are sent
 * exchange/received/          deliveries received whole, per sending node
 * exchange/status/            the outgoing deliveries' states
 * exchange/drop/              deliveries to FILES targets, for consumers on this node
 * node/local-receiver-key.pem the key that signs receipts for consumers on this node
 * </pre>
 *
 * Each process owns one log file (a log takes a file lock), so the agent and the delivering process
 * of one node keep separate chains, both signed with the node key.
 */
public record NodeHome(Path directory) {

  public Path peers() {
    return directory.resolve("federation").resolve("peers.json");
  }

  public Path inboundLog() {
    return directory.resolve("exchange").resolve("inbound-log.jsonl");
  }

  public Path outboundLog() {
    return directory.resolve("exchange").resolve("outbound-log.jsonl");
  }

  public Path outbox() {
    return directory.resolve("exchange").resolve("outbox");
  }

  public Path statuses() {
    return directory.resolve("exchange").resolve("status");
  }

  /** The default drop directory of FILES targets (consumers on this node). */
  public Path drop() {
    return directory.resolve("exchange").resolve("drop");
  }

  /**
   * The key that signs receipts for consumers on this node ({@link NodeKey#localReceiverId}),
   * created when there is none yet; the node's catalog service of the same home verifies with it.
   */
  public NodeKey localReceiverKey(String nodeId) {
    return NodeKey.loadOrCreate(
        NodeKey.localReceiverId(nodeId), directory.resolve(NodeKey.LOCAL_RECEIVER_KEY_FILE));
  }

  /** The node's signing key, created (with its public half beside it) when there is none yet. */
  public NodeKey nodeKey(String nodeId) {
    try {
      Files.createDirectories(directory.resolve("exchange"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory.resolve("exchange"), e);
    }
    return NodeKey.loadOrCreate(nodeId, directory.resolve(NodeKey.HOME_KEY_FILE));
  }

  /** The node id a node certificate carries: its subject's CN. */
  public static String nodeId(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      throw new IllegalArgumentException("unreadable certificate subject", e);
    }
    throw new IllegalArgumentException(
        "the node certificate has no CN: " + certificate.getSubjectX500Principal());
  }
}
