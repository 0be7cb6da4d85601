package cn.govdata.catalog.federation;

import cn.govdata.governance.directory.AdministrativeLevel;
import java.time.Instant;

/**
 * A peer node in the registry.
 *
 * @param nodeId the peer's node id, as its {@code /api/v1/federation/node} says
 * @param regionCode the GB/T 2260 code of the region it serves
 * @param baseUrl its catalog service, whose CKAN API is harvested
 * @param exchangeUrl its exchange agent, where deliveries to it go; {@code null} when none
 * @param publicKey its Ed25519 signing key, base64 X.509
 * @param certificatePem its agent's TLS certificate; {@code null} when not given
 * @param certificateSubject the certificate's subject, parsed
 * @param certificateNotAfter the certificate's last valid instant, parsed
 * @param relation {@link Relation#BELOW} for a peer whose region lies inside this node's (a
 *     province's cities), {@link Relation#ABOVE} for the reverse, else {@link Relation#OTHER}
 */
public record Peer(
    long id,
    String nodeId,
    String name,
    String regionCode,
    AdministrativeLevel level,
    String baseUrl,
    String exchangeUrl,
    String publicKey,
    String certificatePem,
    String certificateSubject,
    Instant certificateNotAfter,
    boolean enabled,
    Relation relation,
    Instant createdAt,
    Instant updatedAt) {

  /** How a peer's region relates to this node's. */
  public enum Relation {
    BELOW,
    ABOVE,
    OTHER;

    static Relation of(String nodeRegion, String peerRegion) {
      if (!nodeRegion.equals(peerRegion) && contains(nodeRegion, peerRegion)) {
        return BELOW;
      }
      if (!nodeRegion.equals(peerRegion) && contains(peerRegion, nodeRegion)) {
        return ABOVE;
      }
      return OTHER;
    }

    /** Whether {@code inner} lies inside {@code outer}: 440600 inside 440000, 440604 in 440600. */
    static boolean contains(String outer, String inner) {
      String prefix =
          outer.endsWith("0000")
              ? outer.substring(0, 2)
              : outer.endsWith("00") ? outer.substring(0, 4) : outer;
      return inner.startsWith(prefix);
    }
  }
}
