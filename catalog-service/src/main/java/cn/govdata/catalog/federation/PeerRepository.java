package cn.govdata.catalog.federation;

import cn.govdata.catalog.jdbc.Columns;
import cn.govdata.governance.directory.AdministrativeLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The peer registry ({@code peer_node}). */
@Repository
class PeerRepository {

  private final JdbcClient jdbc;
  private final String nodeRegion;

  PeerRepository(JdbcClient jdbc, NodeProperties node) {
    this.jdbc = jdbc;
    this.nodeRegion = node.regionCode();
  }

  /** A checked request with its certificate parsed. */
  record Row(
      String nodeId,
      String name,
      String regionCode,
      AdministrativeLevel level,
      String baseUrl,
      String exchangeUrl,
      String publicKey,
      String certificatePem,
      Certificates.Parsed certificate,
      boolean enabled) {}

  long insert(Row row) {
    OffsetDateTime now = now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO peer_node (node_id, name, region_code, admin_level, base_url,"
                + " exchange_url, public_key, certificate_pem, certificate_subject,"
                + " certificate_not_after, enabled, created_at, updated_at) VALUES (:nodeId,"
                + " :name, :region, :level, :baseUrl, :exchangeUrl, :publicKey, :pem, :subject,"
                + " :notAfter, :enabled, :now, :now)")
        .params(params(row))
        .param("now", now)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void update(long id, Row row) {
    jdbc.sql(
            "UPDATE peer_node SET node_id = :nodeId, name = :name, region_code = :region,"
                + " admin_level = :level, base_url = :baseUrl, exchange_url = :exchangeUrl,"
                + " public_key = :publicKey, certificate_pem = :pem, certificate_subject ="
                + " :subject, certificate_not_after = :notAfter, enabled = :enabled, updated_at ="
                + " :now WHERE id = :id")
        .params(params(row))
        .param("now", now())
        .param("id", id)
        .update();
  }

  Optional<Peer> find(long id) {
    return jdbc.sql("SELECT * FROM peer_node WHERE id = :id")
        .param("id", id)
        .query(this::peer)
        .optional();
  }

  Optional<Peer> findByNodeId(String nodeId) {
    return jdbc.sql("SELECT * FROM peer_node WHERE node_id = :nodeId")
        .param("nodeId", nodeId)
        .query(this::peer)
        .optional();
  }

  List<Peer> list() {
    return jdbc.sql("SELECT * FROM peer_node ORDER BY node_id").query(this::peer).list();
  }

  private static Map<String, Object> params(Row row) {
    java.util.HashMap<String, Object> params = new java.util.HashMap<>();
    params.put("nodeId", row.nodeId());
    params.put("name", row.name());
    params.put("region", row.regionCode());
    params.put("level", row.level().name());
    params.put("baseUrl", row.baseUrl());
    params.put("exchangeUrl", row.exchangeUrl());
    params.put("publicKey", row.publicKey());
    params.put("pem", row.certificatePem());
    params.put("subject", row.certificate() == null ? null : row.certificate().subject());
    params.put(
        "notAfter",
        row.certificate() == null
            ? null
            : OffsetDateTime.ofInstant(row.certificate().notAfter(), ZoneOffset.UTC));
    params.put("enabled", row.enabled());
    return params;
  }

  private Peer peer(ResultSet rs, int n) throws SQLException {
    String region = rs.getString("region_code");
    return new Peer(
        rs.getLong("id"),
        rs.getString("node_id"),
        rs.getString("name"),
        region,
        AdministrativeLevel.valueOf(rs.getString("admin_level")),
        rs.getString("base_url"),
        rs.getString("exchange_url"),
        rs.getString("public_key"),
        rs.getString("certificate_pem"),
        rs.getString("certificate_subject"),
        instant(rs, "certificate_not_after"),
        rs.getBoolean("enabled"),
        Peer.Relation.of(nodeRegion, region),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Columns.instant(rs, column);
  }

  static OffsetDateTime now() {
    return Columns.now();
  }
}
