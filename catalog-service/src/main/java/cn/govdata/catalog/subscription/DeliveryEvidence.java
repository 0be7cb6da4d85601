package cn.govdata.catalog.subscription;

import cn.govdata.catalog.federation.NodeIdentity;
import cn.govdata.catalog.federation.Peer;
import cn.govdata.catalog.federation.PeerService;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.exchange.CanonicalDocument;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.IntegrityException;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.governance.validation.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Checks the evidence an exchange agent reports with a {@code DELIVERED} delivery before anything
 * is stored: the manifest signed by this node (the sender), and the receipt signed by the receiver
 * — a peer with its key from the peer registry, or this node's local receiver for a consumer on the
 * node itself — answering exactly that manifest and delivery, accepted, for the reported rows and
 * snapshot.
 */
@Component
class DeliveryEvidence {

  private final NodeIdentity node;
  private final PeerService peers;

  DeliveryEvidence(NodeIdentity node, PeerService peers) {
    this.node = node;
    this.peers = peers;
  }

  /**
   * @throws InvalidFieldException 400 when the receipt or the manifest is missing
   * @throws ApiException 422 when either does not parse or does not verify
   */
  void verify(Subscription subscription, String deliveryId, DeliveryReport report) {
    Signed<Receipt> receipt = parse(report.receiptJson(), "receiptJson", Receipt::fromJson);
    Signed<DeliveryManifest> manifest =
        parse(report.manifestJson(), "manifestJson", DeliveryManifest::fromJson);
    String receiverNode;
    PublicKey receiverKey;
    Target target = subscription.target();
    if (target.type() == Target.Type.NODE) {
      Peer peer =
          peers
              .findByNodeId(target.peerNodeId())
              .orElseThrow(
                  () ->
                      refused(
                          "the receiving peer "
                              + target.peerNodeId()
                              + " is not in the peer registry, so its receipt cannot be checked"));
      receiverNode = peer.nodeId();
      receiverKey = NodeKey.parsePublicKey(peer.publicKey());
    } else if (target.isLocal()) {
      receiverNode = node.localReceiverKey().nodeId();
      receiverKey = node.localReceiverKey().publicKey();
    } else {
      throw refused(
          "a " + target.type() + " subscription is not delivered by an agent, so not reported so");
    }
    try {
      DeliveryManifest sent = manifest.verifiedWith(node.key().publicKey());
      if (!sent.deliveryId().equals(deliveryId)) {
        throw refused("the manifest is of delivery " + sent.deliveryId() + ", not " + deliveryId);
      }
      if (!sent.receiverNode().equals(receiverNode)) {
        throw refused(
            "the manifest sends to "
                + sent.receiverNode()
                + ", the subscription to "
                + receiverNode);
      }
      Receipt answer = Receipt.verify(receipt, receiverKey, sent);
      if (!answer.isAccepted()) {
        throw refused(receiverNode + " rejected delivery " + deliveryId + ": " + answer.detail());
      }
      if (report.rows() != null && report.rows() != sent.rowCount()) {
        throw refused("reported " + report.rows() + " rows, the manifest says " + sent.rowCount());
      }
      if (report.snapshotId() != null
          && !report.snapshotId().toString().equals(sent.snapshotId())) {
        throw refused(
            "reported snapshot " + report.snapshotId() + ", the manifest " + sent.snapshotId());
      }
    } catch (IntegrityException e) {
      throw refused(e.subject() + ": " + e.getMessage());
    }
  }

  private static <T extends CanonicalDocument> Signed<T> parse(
      JsonNode json, String field, Function<Map<String, Object>, T> reader) {
    if (json == null || json.isNull()) {
      throw new InvalidFieldException(
          field, "required", "a DELIVERED delivery is reported with its " + field);
    }
    try {
      return Signed.parse(json.isTextual() ? json.asText() : json.toString(), reader);
    } catch (RuntimeException e) {
      throw ApiException.unprocessable(
          "delivery.evidence-malformed", field + " is not a signed document: " + e.getMessage());
    }
  }

  private static ApiException refused(String message) {
    return ApiException.unprocessable("delivery.receipt-invalid", message);
  }
}
