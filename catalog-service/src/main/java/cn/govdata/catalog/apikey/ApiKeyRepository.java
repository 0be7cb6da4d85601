package cn.govdata.catalog.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in the {@code api_key} table the security package signs requests in with. */
@Repository
class ApiKeyRepository {

  private static final String SELECT =
      "SELECT k.id, u.username, k.label, k.requests_per_second, k.daily_requests, k.daily_rows,"
          + " k.created_at, k.revoked_at FROM api_key k JOIN staff_user u ON u.id = k.user_id";

  private final JdbcClient jdbc;

  ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String owner, String keyHash, String label, Limits limits) {
    jdbc.sql(
            "INSERT INTO api_key (user_id, key_hash, label, created_at, requests_per_second,"
                + " daily_requests, daily_rows) SELECT id, :hash, :label, :now, :rate, :requests,"
                + " :rows FROM staff_user WHERE username = :owner")
        .param("owner", owner)
        .param("hash", keyHash)
        .param("label", label)
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .param("rate", limits.requestsPerSecond())
        .param("requests", limits.dailyRequests())
        .param("rows", limits.dailyRows())
        .update();
    return jdbc.sql("SELECT id FROM api_key WHERE key_hash = :hash")
        .param("hash", keyHash)
        .query(Long.class)
        .single();
  }

  Optional<ApiKey> find(long id) {
    return jdbc.sql(SELECT + " WHERE k.id = :id").param("id", id).query(this::map).optional();
  }

  /** The active key with this hash, if any. */
  Optional<ApiKey> findActiveByHash(String keyHash) {
    return jdbc.sql(SELECT + " WHERE k.key_hash = :hash AND k.revoked_at IS NULL")
        .param("hash", keyHash)
        .query(this::map)
        .optional();
  }

  /** Keys of one owner, or of everyone when {@code owner} is {@code null}; newest first. */
  List<ApiKey> list(String owner) {
    if (owner == null) {
      return jdbc.sql(SELECT + " ORDER BY k.id DESC").query(this::map).list();
    }
    return jdbc.sql(SELECT + " WHERE u.username = :owner ORDER BY k.id DESC")
        .param("owner", owner)
        .query(this::map)
        .list();
  }

  /** Revokes the key; true if it was active. */
  boolean revoke(long id) {
    return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
            .param("id", id)
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .update()
        == 1;
  }

  /** The hashes of each enabled user's active keys, for the gateway's user file. */
  List<String[]> activeKeyHashes() {
    return jdbc.sql(
            "SELECT u.username, k.key_hash FROM api_key k JOIN staff_user u ON u.id = k.user_id"
                + " WHERE k.revoked_at IS NULL AND u.enabled = TRUE ORDER BY u.username, k.id")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  private ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("label"),
        rs.getObject("requests_per_second", Integer.class),
        rs.getObject("daily_requests", Long.class),
        rs.getObject("daily_rows", Long.class),
        instant(rs, "created_at"),
        instant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  /** A key's own limits; {@code null} parts take the node's defaults. */
  record Limits(Integer requestsPerSecond, Long dailyRequests, Long dailyRows) {
    static final Limits DEFAULTS = new Limits(null, null, null);
  }
}
