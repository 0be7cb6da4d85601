package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 回执: the receiving node's answer to a delivery, signed by that node over the manifest's hash. An
 * accepted receipt says the receiver holds exactly the manifest's rows and files; a rejected one
 * says why not (a checksum mismatch, a row-count mismatch).
 *
 * @param deliveryId the delivery answered
 * @param manifestSha256 {@link DeliveryManifest#sha256()} of the manifest answered
 * @param receiverNode the node that received and signs
 * @param status accepted or rejected
 * @param rowsReceived rows the receiver holds for this delivery
 * @param detail why a delivery was rejected; {@code null} when accepted
 * @param receivedAt when the receiver finished checking
 */
public record Receipt(
    String deliveryId,
    String manifestSha256,
    String receiverNode,
    Status status,
    long rowsReceived,
    String detail,
    Instant receivedAt)
    implements CanonicalDocument {

  /** What the receiver says of the delivery. */
  public enum Status {
    /** 已接收: every file checked and every row stored. */
    ACCEPTED,
    /** 已拒收: the delivery did not match its manifest; {@code detail} says how. */
    REJECTED
  }

  public Receipt {
    deliveryId = Checks.requiredText(deliveryId, "deliveryId", 128);
    if (!Sha256.isHex(manifestSha256)) {
      throw new InvalidFieldException(
          "manifestSha256", "sha256.format", "manifestSha256 must be 64 lower-case hex digits");
    }
    NodeKey.checkNodeId(receiverNode, "receiverNode");
    Checks.required(status, "status");
    Checks.required(receivedAt, "receivedAt");
    detail = Checks.optionalText(detail, "detail", 2000);
    if (rowsReceived < 0) {
      throw new InvalidFieldException(
          "rowsReceived", "non-negative", "rowsReceived must not be negative");
    }
    if (status == Status.REJECTED && detail == null) {
      throw new InvalidFieldException(
          "detail", "rejection.reason", "a rejected delivery needs a detail saying why");
    }
  }

  /** The receipt for a delivery that arrived whole: all of the manifest's rows are held. */
  public static Receipt accepting(DeliveryManifest manifest, Instant receivedAt) {
    return new Receipt(
        manifest.deliveryId(),
        manifest.sha256(),
        manifest.receiverNode(),
        Status.ACCEPTED,
        manifest.rowCount(),
        null,
        receivedAt);
  }

  /** The receipt for a delivery that did not match its manifest. */
  public static Receipt rejecting(
      DeliveryManifest manifest, long rowsReceived, String reason, Instant receivedAt) {
    return new Receipt(
        manifest.deliveryId(),
        manifest.sha256(),
        manifest.receiverNode(),
        Status.REJECTED,
        rowsReceived,
        reason,
        receivedAt);
  }

  /**
   * What the sender checks before it marks a delivery done: the receipt is signed by the receiver's
   * key and answers exactly this manifest.
   *
   * @return the receipt, which may still be a rejection
   * @throws IntegrityException if the signature, the manifest hash, the delivery or the receiver do
   *     not match
   */
  public static Receipt verify(
      Signed<Receipt> signed, PublicKey receiverKey, DeliveryManifest manifest) {
    Receipt receipt = signed.verifiedWith(receiverKey);
    for (String node : new String[] {signed.signer(), receipt.receiverNode()}) {
      if (!node.equals(manifest.receiverNode())) {
        throw new IntegrityException(
            "receiverNode",
            "receipt comes from " + node + " but the delivery went to " + manifest.receiverNode());
      }
    }
    if (!receipt.deliveryId().equals(manifest.deliveryId())) {
      throw new IntegrityException(
          "deliveryId",
          "receipt answers delivery " + receipt.deliveryId() + ", not " + manifest.deliveryId());
    }
    if (!receipt.manifestSha256().equals(manifest.sha256())) {
      throw new IntegrityException(
          "manifestSha256", "receipt answers another version of manifest " + manifest.deliveryId());
    }
    return receipt;
  }

  /** Whether the receiver took the delivery whole. */
  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deliveryId", deliveryId);
    json.put("manifestSha256", manifestSha256);
    json.put("receiverNode", receiverNode);
    json.put("status", status.name());
    json.put("rowsReceived", rowsReceived);
    json.put("detail", detail);
    json.put("receivedAt", receivedAt.toString());
    return json;
  }

  /** Reads the form {@link #toJson()} writes. */
  public static Receipt fromJson(Map<String, Object> object) {
    JsonFields json = JsonFields.of(object);
    String status = json.string("status");
    Status parsed;
    try {
      parsed = Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "status", "enum", "status must be ACCEPTED or REJECTED, got '" + status + "'");
    }
    return new Receipt(
        json.string("deliveryId"),
        json.string("manifestSha256"),
        json.string("receiverNode"),
        parsed,
        json.longValue("rowsReceived"),
        json.optionalString("detail"),
        json.instant("receivedAt"));
  }
}
