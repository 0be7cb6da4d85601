package cn.govdata.governance.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A document that is hashed and signed through its canonical JSON form. */
public interface CanonicalDocument {

  /** The document as JSON values (see {@link CanonicalJson}). */
  Map<String, Object> toJson();

  /** The bytes that are hashed and signed: the UTF-8 of the canonical JSON. */
  default byte[] canonicalBytes() {
    return CanonicalJson.write(toJson()).getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of {@link #canonicalBytes()}, the name by which receipts refer to the document. */
  default String sha256() {
    return Sha256.hex(canonicalBytes());
  }
}
