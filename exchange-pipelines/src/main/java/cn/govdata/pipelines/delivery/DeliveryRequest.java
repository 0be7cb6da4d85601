package cn.govdata.pipelines.delivery;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.Checks;
import cn.govdata.governance.validation.InvalidFieldException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One delivery of a shared resource (数据交付): which table and snapshot, which columns and rows, to
 * whom.
 *
 * @param deliveryId stable across retries and resumptions: the target recognises a redelivery by it
 * @param resource the directory resource delivered
 * @param table the Iceberg table, {@code catalog.namespace.table}
 * @param snapshotId the snapshot to deliver; {@code null} for the table's current one
 * @param baseSnapshotId for an incremental delivery, the snapshot already delivered: only rows
 *     appended after it are sent; {@code null} for a full delivery
 * @param columns the columns to deliver, in order; empty for all
 * @param rowFilter a Spark SQL condition the rows must meet (e.g. the receiver's region), or {@code
 *     null}; written by the platform (see {@link Flows}), never by the receiver
 * @param policies what shaped the data on its way out, for the manifest, e.g. {@code
 *     row-filter:region 4406}
 * @param receiverNode the node that receives
 */
public record DeliveryRequest(
    String deliveryId,
    ResourceCode resource,
    String table,
    Long snapshotId,
    Long baseSnapshotId,
    List<String> columns,
    String rowFilter,
    List<String> policies,
    String receiverNode) {

  private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern TABLE =
      Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*){1,3}");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

  public DeliveryRequest {
    Checks.required(deliveryId, "deliveryId");
    if (!DELIVERY_ID.matcher(deliveryId).matches()) {
      // the id names a directory and a marker row: letters, digits, '.', '_' and '-' only
      throw new InvalidFieldException(
          "deliveryId", "delivery-id.format", "deliveryId must be letters, digits, '.', '_', '-'");
    }
    Checks.required(resource, "resource");
    Checks.required(table, "table");
    if (!TABLE.matcher(table).matches()) {
      throw new InvalidFieldException(
          "table", "identifier", "table must be catalog.namespace.table in lower case");
    }
    columns = Checks.copyOf(columns == null ? List.of() : columns, "columns");
    for (String column : columns) {
      if (!COLUMN.matcher(column).matches()) {
        throw new InvalidFieldException(
            "columns", "identifier", "column '" + column + "' is not a lower-case identifier");
      }
    }
    policies = Checks.copyOf(policies == null ? List.of() : policies, "policies");
    rowFilter = Checks.optionalText(rowFilter, "rowFilter", 2000);
    Checks.requiredText(receiverNode, "receiverNode", 63);
    if (baseSnapshotId != null && baseSnapshotId.equals(snapshotId)) {
      throw new InvalidFieldException(
          "baseSnapshotId", "incremental.range", "an incremental delivery needs two snapshots");
    }
  }

  public boolean isIncremental() {
    return baseSnapshotId != null;
  }

  /** The same delivery from a fixed snapshot, so that every retry sends the same rows. */
  DeliveryRequest at(long snapshot) {
    return new DeliveryRequest(
        deliveryId,
        resource,
        table,
        snapshot,
        baseSnapshotId,
        columns,
        rowFilter,
        policies,
        receiverNode);
  }
}
