package cn.govdata.pipelines.exchange;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.delivery.DeliveryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One delivery the control plane says is due ({@code GET /api/v1/subscriptions/due}): which
 * subscription, which table and rows, to which target.
 *
 * @param mode {@code FULL} or {@code INCREMENTAL}; an incremental one without {@code
 *     lastSnapshotId} is the subscription's first delivery and goes out in full
 * @param regionCodes GB/T 2260 codes whose rows only are delivered (by {@code regionColumn}); empty
 *     for all rows
 */
public record DueDelivery(
    String subscriptionId,
    String deliveryId,
    String applicationId,
    String resourceCode,
    String database,
    String table,
    String mode,
    Long lastSnapshotId,
    List<String> columns,
    List<String> regionCodes,
    String regionColumn,
    Target target) {

  /**
   * Where the delivery goes: {@code type} NODE (a peer's exchange agent), FILES (the node's drop
   * directory), JDBC ({@code table} in the node's exchange database) or PULL.
   */
  public record Target(
      String type, String peerNodeId, String exchangeUrl, String format, String table) {

    /** Whether the consumer is on this node, receipting with the node's local receiver key. */
    public boolean isLocal() {
      return "FILES".equals(type) || "JDBC".equals(type);
    }
  }

  /** Reads the control plane's answer, a JSON array; a bad element names its index and field. */
  static List<DueDelivery> listFromJson(Object json) {
    if (!(json instanceof List<?> list)) {
      throw new IllegalArgumentException("the due deliveries must be a JSON array");
    }
    List<DueDelivery> due = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      due.add(fromJson(object(list.get(i), "[" + i + "]"), "[" + i + "]."));
    }
    return due;
  }

  private static DueDelivery fromJson(Map<String, Object> json, String where) {
    Map<String, Object> target = object(json.get("target"), where + "target");
    Object snapshot = json.get("lastSnapshotId");
    Long lastSnapshot;
    try {
      lastSnapshot =
          snapshot == null
              ? null
              : snapshot instanceof Number number
                  ? number.longValue()
                  : Long.valueOf((String) snapshot);
    } catch (RuntimeException e) {
      throw new InvalidFieldException(
          where + "lastSnapshotId", "snapshot-id", "lastSnapshotId must be a snapshot id");
    }
    String mode = text(json, where, "mode");
    if (!mode.equals("FULL") && !mode.equals("INCREMENTAL")) {
      throw new InvalidFieldException(
          where + "mode", "enum", "mode must be FULL or INCREMENTAL, got " + mode);
    }
    return new DueDelivery(
        id(json, where, "subscriptionId"),
        text(json, where, "deliveryId"),
        json.get("applicationId") == null ? null : id(json, where, "applicationId"),
        text(json, where, "resourceCode"),
        text(json, where, "database"),
        text(json, where, "table"),
        mode,
        lastSnapshot,
        strings(json.get("columns"), where + "columns"),
        strings(json.get("regionCodes"), where + "regionCodes"),
        (String) json.get("regionColumn"),
        new Target(
            text(target, where + "target.", "type"),
            (String) target.get("peerNodeId"),
            (String) target.get("exchangeUrl"),
            (String) target.get("format"),
            (String) target.get("table")));
  }

  /** An id the control plane writes as a JSON number (or a string): its decimal text. */
  private static String id(Map<String, Object> json, String where, String field) {
    Object value = json.get(field);
    if (value instanceof Number number) {
      return Long.toString(number.longValue());
    }
    return text(json, where, field);
  }

  /**
   * The delivery of this subscription as the deliverer runs it: the Iceberg table {@code
   * govdata.<database>.<table>}, the columns, the rows of the region codes ({@code regionColumn
   * LIKE '<code prefix>%'}, as {@link cn.govdata.pipelines.delivery.Flows#backflow} filters), from
   * the last delivered snapshot when incremental. The receiver is the peer of a NODE target, and
   * the node's local receiver ({@link NodeKey#localReceiverId}) for a consumer on the node itself.
   *
   * @param nodeId this node's id
   */
  public DeliveryRequest request(String nodeId) {
    List<String> policies = new ArrayList<>();
    policies.add("subscription:" + subscriptionId);
    if (applicationId != null) {
      policies.add("application:" + applicationId);
    }
    String rowFilter = null;
    if (!regionCodes.isEmpty()) {
      if (regionColumn == null || !regionColumn.matches("[a-z_][a-z0-9_]*")) {
        throw new InvalidFieldException(
            "regionColumn",
            "rows-unenforceable",
            "rows limited to regions need a lower-case regionColumn, got " + regionColumn);
      }
      List<String> conditions = new ArrayList<>();
      for (String code : regionCodes) {
        if (!code.matches("\\d{6}")) {
          throw new InvalidFieldException(
              "regionCodes", "region.format", "region code '" + code + "' is not six digits");
        }
        conditions.add(regionColumn + " LIKE '" + prefix(code) + "%'");
      }
      rowFilter = "(" + String.join(" OR ", conditions) + ")";
      policies.add("row-filter:" + regionColumn + " in " + String.join(",", regionCodes));
    }
    return new DeliveryRequest(
        deliveryId,
        ResourceCode.parse(resourceCode, "resourceCode"),
        SparkSessions.CATALOG + "." + database + "." + table,
        null,
        mode.equals("INCREMENTAL") ? lastSnapshotId : null,
        columns,
        rowFilter,
        policies,
        target.isLocal()
            ? NodeKey.localReceiverId(nodeId)
            : target.peerNodeId() == null ? "unknown" : target.peerNodeId());
  }

  /** A region's rows share its code without the trailing zero pairs: 440600 → 4406. */
  static String prefix(String code) {
    String prefix = code;
    while (prefix.length() > 2 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    return prefix;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String field) {
    if (!(value instanceof Map<?, ?>)) {
      throw new InvalidFieldException(field, "object", field + " must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Map<String, Object> json, String where, String field) {
    if (!(json.get(field) instanceof String value) || value.isBlank()) {
      throw new InvalidFieldException(where + field, "required", where + field + " is required");
    }
    return value;
  }

  private static List<String> strings(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new InvalidFieldException(field, "strings", field + " must be an array of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }
}
