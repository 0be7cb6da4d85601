package cn.govdata.governance.exchange;

import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of a node's exchange log (交换日志): an event of the exchange (a manifest sent, a delivery
 * received, a receipt signed ...) chained to the entry before it by the hash of that entry's line
 * and signed by the node.
 *
 * @param seq position in the log, from 1, without gaps
 * @param at when the event was recorded
 * @param node the node whose log this is
 * @param kind what happened, dotted lower-case words, e.g. {@code delivery.sent}
 * @param subject what it happened to, e.g. the delivery id
 * @param data details as JSON values (see {@link CanonicalJson})
 * @param prev SHA-256 of the previous entry's line as stored, its signature included; {@link
 *     ExchangeLog#GENESIS} for the first
 * @param hash SHA-256 of the canonical JSON of the fields above
 * @param signature the node's Ed25519 signature over the same bytes
 */
public record LogEntry(
    long seq,
    Instant at,
    String node,
    String kind,
    String subject,
    Map<String, Object> data,
    String prev,
    String hash,
    String signature) {

  static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  public LogEntry {
    if (seq < 1) {
      throw new InvalidFieldException("seq", "range", "seq starts at 1");
    }
    Checks.required(at, "at");
    NodeKey.checkNodeId(node, "node");
    if (kind == null || kind.length() > 64 || !KIND.matcher(kind).matches()) {
      throw new InvalidFieldException(
          "kind", "kind.format", "kind must be dotted lower-case words, got '" + kind + "'");
    }
    subject = Checks.requiredText(subject, "subject", 256);
    // Writing and reading back checks the values and leaves an immutable copy.
    data = CanonicalJson.readObject(CanonicalJson.write(Checks.required(data, "data")));
    if (!Sha256.isHex(prev)) {
      throw new InvalidFieldException("prev", "sha256.format", "prev must be a SHA-256");
    }
    if (!Sha256.isHex(hash)) {
      throw new InvalidFieldException("hash", "sha256.format", "hash must be a SHA-256");
    }
    Checks.requiredText(signature, "signature", 200);
  }

  /** The signed part of an entry: everything except its hash and signature. */
  static Map<String, Object> body(
      long seq,
      Instant at,
      String node,
      String kind,
      String subject,
      Map<String, Object> data,
      String prev) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("seq", seq);
    body.put("at", at.toString());
    body.put("node", node);
    body.put("kind", kind);
    body.put("subject", subject);
    body.put("data", data);
    body.put("prev", prev);
    return body;
  }

  Map<String, Object> body() {
    return body(seq, at, node, kind, subject, data, prev);
  }

  /** The entry as it is stored: one line of canonical JSON, without the newline. */
  String line() {
    Map<String, Object> line = body();
    line.put("hash", hash);
    line.put("sig", signature);
    return CanonicalJson.write(line);
  }
}
