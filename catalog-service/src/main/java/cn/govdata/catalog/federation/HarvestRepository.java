package cn.govdata.catalog.federation;

import cn.govdata.catalog.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Harvested entries ({@code harvested_entry}) and harvest runs ({@code harvest_run}). */
@Repository
class HarvestRepository {

  private final JdbcClient jdbc;

  HarvestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A package as read from the peer, with the fields kept in columns. */
  record HarvestedPackage(
      String remoteId,
      String name,
      String title,
      String organisation,
      String regionCode,
      String openType,
      String modified,
      String url,
      String rawJson) {}

  /** What applying one harvest changed. */
  record Counts(int found, int added, int updated, int withdrawn) {
    static final Counts NONE = new Counts(0, 0, 0, 0);
  }

  long startRun(long peerId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO harvest_run (peer_id, started_at, status, found, added, updated,"
                + " withdrawn) VALUES (:peer, :now, 'RUNNING', 0, 0, 0, 0)")
        .param("peer", peerId)
        .param("now", PeerRepository.now())
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void finishRun(long runId, String status, Counts counts, String error) {
    jdbc.sql(
            "UPDATE harvest_run SET finished_at = :now, status = :status, found = :found, added ="
                + " :added, updated = :updated, withdrawn = :withdrawn, error = :error WHERE id ="
                + " :id")
        .param("now", PeerRepository.now())
        .param("status", status)
        .param("found", counts.found())
        .param("added", counts.added())
        .param("updated", counts.updated())
        .param("withdrawn", counts.withdrawn())
        .param("error", error == null ? null : truncate(error, 2000))
        .param("id", runId)
        .update();
  }

  HarvestRun run(long runId) {
    return jdbc.sql(RUNS + " WHERE r.id = :id").param("id", runId).query(this::toRun).single();
  }

  List<HarvestRun> runs(long peerId, int limit) {
    return jdbc.sql(RUNS + " WHERE r.peer_id = :peer ORDER BY r.id DESC LIMIT :limit")
        .param("peer", peerId)
        .param("limit", limit)
        .query(this::toRun)
        .list();
  }

  /**
   * Makes the peer's stored entries match {@code packages}: inserts new ones, rewrites changed ones
   * (and those coming back), marks those no longer listed withdrawn.
   */
  Counts apply(long peerId, List<HarvestedPackage> packages) {
    record Stored(long id, String rawJson, boolean withdrawn) {}
    Map<String, Stored> stored = new HashMap<>();
    jdbc.sql("SELECT id, remote_id, raw_json, withdrawn_at FROM harvested_entry WHERE peer_id = :p")
        .param("p", peerId)
        .query(
            rs -> {
              stored.put(
                  rs.getString("remote_id"),
                  new Stored(
                      rs.getLong("id"),
                      rs.getString("raw_json"),
                      rs.getObject("withdrawn_at") != null));
            });
    OffsetDateTime now = PeerRepository.now();
    int added = 0;
    int updated = 0;
    Set<String> listed = new HashSet<>();
    for (HarvestedPackage harvested : packages) {
      listed.add(harvested.remoteId());
      Stored existing = stored.get(harvested.remoteId());
      if (existing == null) {
        jdbc.sql(
                "INSERT INTO harvested_entry (peer_id, remote_id, name, title, organisation,"
                    + " region_code, open_type, modified, url, raw_json, harvested_at) VALUES"
                    + " (:peer, :remote, :name, :title, :organisation, :region, :open, :modified,"
                    + " :url, :raw, :now)")
            .params(columns(harvested))
            .param("peer", peerId)
            .param("now", now)
            .update();
        added++;
      } else if (existing.withdrawn() || !Objects.equals(existing.rawJson(), harvested.rawJson())) {
        jdbc.sql(
                "UPDATE harvested_entry SET name = :name, title = :title, organisation ="
                    + " :organisation, region_code = :region, open_type = :open, modified ="
                    + " :modified, url = :url, raw_json = :raw, harvested_at = :now, withdrawn_at"
                    + " = NULL WHERE id = :id")
            .params(columns(harvested))
            .param("now", now)
            .param("id", existing.id())
            .update();
        updated++;
      }
    }
    int withdrawn = 0;
    for (Map.Entry<String, Stored> entry : stored.entrySet()) {
      if (!listed.contains(entry.getKey()) && !entry.getValue().withdrawn()) {
        jdbc.sql("UPDATE harvested_entry SET withdrawn_at = :now WHERE id = :id")
            .param("now", now)
            .param("id", entry.getValue().id())
            .update();
        withdrawn++;
      }
    }
    return new Counts(packages.size(), added, updated, withdrawn);
  }

  /**
   * Harvested entries, newest first, of one peer (node id) or all, matching {@code text} in the
   * title or the organisation, withdrawn ones only when asked for.
   */
  Page<HarvestedEntry> entries(
      String peerNodeId, String text, boolean withdrawn, Page.Request page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (peerNodeId != null) {
      where.append(" AND p.node_id = :peer");
      params.put("peer", peerNodeId);
    }
    if (text != null && !text.isBlank()) {
      where.append(" AND (LOWER(h.title) LIKE :text OR LOWER(h.organisation) LIKE :text)");
      params.put(
          "text",
          "%"
              + text.strip()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    }
    if (!withdrawn) {
      where.append(" AND h.withdrawn_at IS NULL");
    }
    String from = " FROM harvested_entry h JOIN peer_node p ON p.id = h.peer_id";
    long total =
        jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
    List<HarvestedEntry> items =
        jdbc.sql(
                "SELECT h.*, p.node_id, p.name AS peer_name"
                    + from
                    + where
                    + " ORDER BY p.name, h.title, h.id LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(
                (rs, n) ->
                    new HarvestedEntry(
                        rs.getLong("id"),
                        rs.getString("node_id"),
                        rs.getString("peer_name"),
                        rs.getString("remote_id"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("organisation"),
                        rs.getString("region_code"),
                        rs.getString("open_type"),
                        rs.getString("modified"),
                        rs.getString("url"),
                        PeerRepository.instant(rs, "harvested_at"),
                        PeerRepository.instant(rs, "withdrawn_at")))
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }

  private static final String RUNS =
      "SELECT r.*, p.node_id FROM harvest_run r JOIN peer_node p ON p.id = r.peer_id";

  private HarvestRun toRun(ResultSet rs, int n) throws SQLException {
    return new HarvestRun(
        rs.getLong("id"),
        rs.getString("node_id"),
        PeerRepository.instant(rs, "started_at"),
        PeerRepository.instant(rs, "finished_at"),
        rs.getString("status"),
        rs.getInt("found"),
        rs.getInt("added"),
        rs.getInt("updated"),
        rs.getInt("withdrawn"),
        rs.getString("error"));
  }

  private static Map<String, Object> columns(HarvestedPackage harvested) {
    Map<String, Object> params = new HashMap<>();
    params.put("remote", harvested.remoteId());
    params.put("name", truncate(harvested.name(), 200));
    params.put("title", truncate(harvested.title(), 500));
    params.put("organisation", truncate(harvested.organisation(), 200));
    params.put("region", harvested.regionCode());
    params.put("open", truncate(harvested.openType(), 32));
    params.put("modified", truncate(harvested.modified(), 40));
    params.put("url", truncate(harvested.url(), 1000));
    params.put("raw", harvested.rawJson());
    return params;
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
