package cn.govdata.governance.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The head of a node's exchange log at some moment: its last entry's sequence number and hash. A
 * peer or an auditor that keeps a checkpoint (signed by the node, as {@code Signed<Checkpoint>})
 * can later tell whether the log was cut short or rewritten before that entry.
 *
 * @param nodeId the node whose log this is
 * @param seq sequence number of the last entry, from 1; 0 for an empty log
 * @param hash SHA-256 of that entry's line; {@link ExchangeLog#GENESIS} for an empty log
 */
public record Checkpoint(String nodeId, long seq, String hash) implements CanonicalDocument {

  public Checkpoint {
    NodeKey.checkNodeId(nodeId, "nodeId");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative");
    }
    if (!Sha256.isHex(hash)) {
      throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
    }
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("nodeId", nodeId);
    json.put("seq", seq);
    json.put("hash", hash);
    return json;
  }

  /** Reads the form {@link #toJson()} writes. */
  public static Checkpoint fromJson(Map<String, Object> object) {
    JsonFields json = JsonFields.of(object);
    return new Checkpoint(json.string("nodeId"), json.longValue("seq"), json.string("hash"));
  }
}
