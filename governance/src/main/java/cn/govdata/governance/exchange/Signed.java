package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A document with its signer's Ed25519 signature over the document's canonical bytes. This is the
 * form in which manifests and receipts travel between nodes and are stored.
 *
 * @param document the signed document
 * @param signer the node id of the signer
 * @param keyId {@link NodeKey#keyId} of the key that signed, so a node that rotated its key can
 *     tell which public key to use
 * @param signature base64 Ed25519 signature over {@code document.canonicalBytes()}
 * @param <T> the kind of document
 */
public record Signed<T extends CanonicalDocument>(
    T document, String signer, String keyId, String signature) {

  public Signed {
    Checks.required(document, "document");
    NodeKey.checkNodeId(signer, "signer");
    Checks.requiredText(keyId, "keyId", 64);
    Checks.requiredText(signature, "signature", 200);
  }

  public static <T extends CanonicalDocument> Signed<T> sign(T document, NodeKey key) {
    return new Signed<>(
        document,
        key.nodeId(),
        NodeKey.keyId(key.publicKey()),
        key.sign(document.canonicalBytes()));
  }

  /** Whether the signature is {@code signerKey}'s over this document. */
  public boolean isSignedBy(PublicKey signerKey) {
    return keyId.equals(NodeKey.keyId(signerKey))
        && NodeKey.verify(signerKey, document.canonicalBytes(), signature);
  }

  /**
   * Checks the signature against {@code signerKey}.
   *
   * @throws IntegrityException if it does not verify
   */
  public T verifiedWith(PublicKey signerKey) {
    if (!isSignedBy(signerKey)) {
      throw new IntegrityException(
          "signature",
          "the signature of "
              + signer
              + " does not verify with the key "
              + NodeKey.keyId(signerKey).substring(0, 16)
              + ": the document was changed or signed by another key");
    }
    return document;
  }

  /** The signed document as one line of canonical JSON. */
  public String toJsonText() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("document", document.toJson());
    json.put("signer", signer);
    json.put("keyId", keyId);
    json.put("signature", signature);
    return CanonicalJson.write(json);
  }

  /**
   * Reads a signed document written by {@link #toJsonText()}; {@code reader} builds the document
   * from its JSON object (e.g. {@code DeliveryManifest::fromJson}). Reading does not verify.
   */
  public static <T extends CanonicalDocument> Signed<T> parse(
      String text, Function<Map<String, Object>, T> reader) {
    JsonFields json = JsonFields.of(CanonicalJson.readObject(text));
    return new Signed<>(
        reader.apply(json.rawObject("document")),
        json.string("signer"),
        json.string("keyId"),
        json.string("signature"));
  }
}
