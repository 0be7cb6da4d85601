package cn.govdata.catalog.subscription;

import cn.govdata.catalog.jdbc.Columns;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Subscriptions ({@code subscription}) and the deliveries reported for them ({@code delivery}). */
@Repository
class SubscriptionRepository {

  static final DateTimeFormatter SLOT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SubscriptionRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A subscription to store, with what the approval granted resolved to columns. */
  record NewSubscription(
      long applicationId,
      long entryId,
      String resourceCode,
      long providerDepartmentId,
      Long applicantDepartmentId,
      String applicantUser,
      DeliveryMode mode,
      String schedule,
      Target target,
      String database,
      String table,
      List<String> columns,
      List<String> regionCodes,
      String regionColumn,
      Instant firstSlot,
      String createdBy) {}

  static String deliveryId(long subscriptionId, Instant slot) {
    return subscriptionId + "-" + SLOT.format(slot);
  }

  long insert(NewSubscription s) {
    OffsetDateTime now = now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO subscription (application_id, entry_id, resource_code,"
                + " provider_department_id, applicant_department_id, applicant_user, mode,"
                + " schedule, target_type, target_peer_node_id, target_format, target_table,"
                + " database_name, table_name, columns_json, region_codes_json, region_column,"
                + " status, next_slot, created_by, created_at, updated_at) VALUES (:application,"
                + " :entry, :code, :provider, :applicant, :user, :mode, :schedule, :type, :peer,"
                + " :format, :targetTable, :database, :table, :columns, :regions, :regionColumn,"
                + " 'ACTIVE', :slot, :by, :now, :now)")
        .param("application", s.applicationId())
        .param("entry", s.entryId())
        .param("code", s.resourceCode())
        .param("provider", s.providerDepartmentId())
        .param("applicant", s.applicantDepartmentId())
        .param("user", s.applicantUser())
        .param("mode", s.mode().name())
        .param("schedule", s.schedule())
        .param("type", s.target().type().name())
        .param("peer", s.target().peerNodeId())
        .param("format", s.target().format() == null ? null : s.target().format().name())
        .param("targetTable", s.target().table())
        .param("database", s.database())
        .param("table", s.table())
        .param("columns", write(s.columns()))
        .param("regions", write(s.regionCodes()))
        .param("regionColumn", s.regionColumn())
        .param("slot", OffsetDateTime.ofInstant(s.firstSlot(), ZoneOffset.UTC))
        .param("by", s.createdBy())
        .param("now", now)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  Optional<Subscription> find(long id) {
    return jdbc.sql("SELECT * FROM subscription WHERE id = :id")
        .param("id", id)
        .query(this::subscription)
        .optional();
  }

  /** The subscriptions the caller may see, newest first. */
  List<Subscription> visible(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(
            "SELECT * FROM subscription s" + visibleWhere(caller, params) + " ORDER BY id DESC")
        .params(params)
        .query(this::subscription)
        .list();
  }

  /**
   * Active subscriptions whose slot has begun and whose application grants today, of one providing
   * department or all ({@code null}).
   */
  List<Subscription> due(Instant now, LocalDate today, Long providerDepartmentId) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    params.put("today", today);
    String department = "";
    if (providerDepartmentId != null) {
      department = " AND s.provider_department_id = :department";
      params.put("department", providerDepartmentId);
    }
    return jdbc.sql(
            "SELECT s.* FROM subscription s JOIN application a ON a.id = s.application_id WHERE"
                + " s.status = 'ACTIVE' AND s.next_slot <= :now AND a.status = 'APPROVED' AND"
                + " a.granted_until >= :today"
                + department
                + " ORDER BY s.next_slot, s.id")
        .params(params)
        .query(this::subscription)
        .list();
  }

  /** Active subscriptions of applications that no longer grant, with their application status. */
  List<Map.Entry<Subscription, String>> lapsed() {
    return jdbc.sql(
            "SELECT s.*, a.status AS application_status FROM subscription s JOIN application a"
                + " ON a.id = s.application_id WHERE s.status = 'ACTIVE' AND a.status <>"
                + " 'APPROVED' ORDER BY s.id")
        .query((rs, n) -> Map.entry(subscription(rs, n), rs.getString("application_status")))
        .list();
  }

  void suspend(long id, String reason) {
    jdbc.sql(
            "UPDATE subscription SET status = 'SUSPENDED', status_reason = :reason, updated_at ="
                + " :now WHERE id = :id")
        .param("reason", reason)
        .param("now", now())
        .param("id", id)
        .update();
  }

  void advance(long id, Long lastSnapshotId, Instant nextSlot) {
    jdbc.sql(
            "UPDATE subscription SET last_snapshot_id = COALESCE(:snapshot, last_snapshot_id),"
                + " next_slot = :slot, updated_at = :now WHERE id = :id")
        .param("snapshot", lastSnapshotId)
        .param("slot", OffsetDateTime.ofInstant(nextSlot, ZoneOffset.UTC))
        .param("now", now())
        .param("id", id)
        .update();
  }

  Optional<Delivery> delivery(String deliveryId) {
    return jdbc.sql(DELIVERIES + " WHERE d.delivery_id = :id")
        .param("id", deliveryId)
        .query(this::toDelivery)
        .optional();
  }

  List<Delivery> deliveries(long subscriptionId) {
    return jdbc.sql(DELIVERIES + " WHERE d.subscription_id = :id ORDER BY d.slot DESC")
        .param("id", subscriptionId)
        .query(this::toDelivery)
        .list();
  }

  /** The newest deliveries of the subscriptions the caller may see. */
  List<Delivery> visibleDeliveries(Caller caller, int limit) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(
            DELIVERIES + visibleWhere(caller, params) + " ORDER BY d.updated_at DESC LIMIT :limit")
        .params(params)
        .param("limit", limit)
        .query(this::toDelivery)
        .list();
  }

  void saveDelivery(
      String deliveryId, long subscriptionId, Instant slot, DeliveryReport report, String by) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", deliveryId);
    params.put("subscription", subscriptionId);
    params.put("slot", OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
    params.put("state", report.state().name());
    params.put("attempts", report.attempts() == null ? 0 : report.attempts());
    params.put("error", report.lastError());
    params.put("snapshot", report.snapshotId());
    params.put("rows", report.rows());
    params.put("bytes", report.bytes());
    params.put(
        "receipt",
        report.receiptJson() == null || report.receiptJson().isNull()
            ? null
            : report.receiptJson().isTextual()
                ? report.receiptJson().asText()
                : report.receiptJson().toString());
    params.put("by", by);
    params.put("now", now());
    int updated =
        jdbc.sql(
                "UPDATE delivery SET state = :state, attempts = :attempts, last_error = :error,"
                    + " snapshot_id = :snapshot, rows_delivered = :rows, bytes = :bytes,"
                    + " receipt_json = COALESCE(:receipt, receipt_json), reported_by = :by,"
                    + " updated_at = :now WHERE delivery_id = :id")
            .params(params)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO delivery (delivery_id, subscription_id, slot, state, attempts,"
                  + " last_error, snapshot_id, rows_delivered, bytes, receipt_json, reported_by,"
                  + " created_at, updated_at) VALUES (:id, :subscription, :slot, :state,"
                  + " :attempts, :error, :snapshot, :rows, :bytes, :receipt, :by, :now, :now)")
          .params(params)
          .update();
    }
  }

  private static final String DELIVERIES =
      "SELECT d.*, s.resource_code, s.target_type, s.target_peer_node_id, s.target_format,"
          + " s.target_table FROM delivery d JOIN subscription s ON s.id = d.subscription_id";

  /**
   * Staff who see every department see all; a department's cataloguers and exchange agents those it
   * provides or applied for; anyone else those they subscribed to themselves.
   */
  private static String visibleWhere(Caller caller, Map<String, Object> params) {
    if (caller.seesAllDepartments()) {
      return " WHERE 1 = 1";
    }
    if (caller.is(Role.CATALOGUER) || caller.is(Role.EXCHANGE_AGENT)) {
      params.put("department", caller.departmentId());
      return " WHERE (s.provider_department_id = :department OR s.applicant_department_id ="
          + " :department)";
    }
    params.put("user", caller.username());
    return " WHERE s.applicant_department_id IS NULL AND s.applicant_user = :user";
  }

  private Subscription subscription(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    String format = rs.getString("target_format");
    Instant nextSlot = instant(rs, "next_slot");
    return new Subscription(
        id,
        rs.getLong("application_id"),
        rs.getLong("entry_id"),
        rs.getString("resource_code"),
        rs.getLong("provider_department_id"),
        rs.getObject("applicant_department_id", Long.class),
        rs.getString("applicant_user"),
        DeliveryMode.valueOf(rs.getString("mode")),
        rs.getString("schedule"),
        new Target(
            Target.Type.valueOf(rs.getString("target_type")),
            rs.getString("target_peer_node_id"),
            null,
            format == null ? null : Target.Format.valueOf(format),
            rs.getString("target_table")),
        rs.getString("database_name"),
        rs.getString("table_name"),
        read(rs.getString("columns_json")),
        read(rs.getString("region_codes_json")),
        rs.getString("region_column"),
        rs.getString("status"),
        rs.getString("status_reason"),
        rs.getObject("last_snapshot_id", Long.class),
        nextSlot,
        deliveryId(id, nextSlot),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private Delivery toDelivery(ResultSet rs, int n) throws SQLException {
    String peer = rs.getString("target_peer_node_id");
    String format = rs.getString("target_format");
    String table = rs.getString("target_table");
    String receipt = rs.getString("receipt_json");
    return new Delivery(
        rs.getString("delivery_id"),
        rs.getLong("subscription_id"),
        rs.getString("resource_code"),
        rs.getString("target_type")
            + (peer == null ? "" : " " + peer)
            + (format == null ? "" : " " + format)
            + (table == null ? "" : " " + table),
        instant(rs, "slot"),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("snapshot_id", Long.class),
        rs.getObject("rows_delivered", Long.class),
        rs.getObject("bytes", Long.class),
        receipt != null,
        receipt,
        rs.getString("reported_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Columns.instant(rs, column);
  }

  private String write(List<String> values) {
    return Columns.writeList(json, values);
  }

  private List<String> read(String text) {
    return Columns.readList(json, text);
  }

  private static OffsetDateTime now() {
    return Columns.now();
  }
}
