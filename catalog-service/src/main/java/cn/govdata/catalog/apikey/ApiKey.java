package cn.govdata.catalog.apikey;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as its owner and administrators see it: never the key, never its hash.
 *
 * @param id the key's number, used to revoke it and to read its usage
 * @param owner the user the key signs in as
 * @param label what the owner calls it
 * @param requestsPerSecond its own rate, {@code null} for the node's default
 * @param dailyRequests its own daily request quota, {@code null} for the node's default
 * @param dailyRows its own daily row quota, {@code null} for the node's default
 * @param revokedAt when it was revoked; a revoked key signs nobody in
 */
public record ApiKey(
    long id,
    String owner,
    String label,
    Integer requestsPerSecond,
    Long dailyRequests,
    Long dailyRows,
    Instant createdAt,
    Instant revokedAt) {

  public ApiKey {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean active() {
    return revokedAt == null;
  }
}
