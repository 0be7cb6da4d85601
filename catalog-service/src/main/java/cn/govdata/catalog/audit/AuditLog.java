package cn.govdata.catalog.audit;

import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.web.Page;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail. Events are written in the transaction of the change they describe. */
@Repository
public class AuditLog {

  private static final RowMapper<AuditEvent> EVENT =
      (rs, n) ->
          new AuditEvent(
              rs.getLong("id"),
              rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
              rs.getString("actor"),
              rs.getString("actor_role"),
              rs.getString("action"),
              rs.getObject("entry_id", Long.class),
              rs.getString("entry_code"),
              rs.getObject("department_id", Long.class),
              rs.getString("from_status"),
              rs.getString("to_status"),
              rs.getString("reason"),
              rs.getString("detail"));

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What happened to an entry, as the change's caller did it. */
  public record Change(
      String action,
      long entryId,
      String entryCode,
      long departmentId,
      String fromStatus,
      String toStatus,
      String reason,
      String detail) {}

  /**
   * A change that concerns no directory entry (a peer node, a subscription), as the caller did it.
   *
   * @param departmentId the department concerned, {@code null} for the node as a whole
   */
  public void recordEvent(
      Caller caller, String action, Long departmentId, String toStatus, String detail) {
    jdbc.sql(
            "INSERT INTO audit_event (occurred_at, actor, actor_role, action, department_id,"
                + " to_status, detail) VALUES (:at, :actor, :role, :action, :department, :to,"
                + " :detail)")
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("actor", caller.username())
        .param("role", caller.roleName())
        .param("action", action)
        .param("department", departmentId)
        .param("to", toStatus)
        .param("detail", detail)
        .update();
  }

  public void record(Caller caller, Change change) {
    jdbc.sql(
            "INSERT INTO audit_event (occurred_at, actor, actor_role, action, entry_id,"
                + " entry_code, department_id, from_status, to_status, reason, detail) VALUES"
                + " (:at, :actor, :role, :action, :entry, :code, :department, :from, :to,"
                + " :reason, :detail)")
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("actor", caller.username())
        .param("role", caller.roleName())
        .param("action", change.action())
        .param("entry", change.entryId())
        .param("code", change.entryCode())
        .param("department", change.departmentId())
        .param("from", change.fromStatus())
        .param("to", change.toStatus())
        .param("reason", change.reason())
        .param("detail", change.detail())
        .update();
  }

  public Page<AuditEvent> query(AuditQuery query, Page.Request page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (query.entryId() != null) {
      where.append(" AND entry_id = :entry");
      params.put("entry", query.entryId());
    }
    if (query.actor() != null) {
      where.append(" AND actor = :actor");
      params.put("actor", query.actor());
    }
    if (query.action() != null) {
      where.append(" AND action = :action");
      params.put("action", query.action());
    }
    if (query.departmentId() != null) {
      where.append(" AND department_id = :department");
      params.put("department", query.departmentId());
    }
    if (query.since() != null) {
      where.append(" AND occurred_at >= :since");
      params.put("since", OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
    }
    if (query.until() != null) {
      where.append(" AND occurred_at < :until");
      params.put("until", OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC));
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
            .params(params)
            .query(Long.class)
            .single();
    var items =
        jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY id LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(EVENT)
            .list();
    return new Page<>(items, page.page(), page.size(), total);
  }
}
