package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.ManifestField;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads what a delivery sends from an Iceberg table: one snapshot whole, or the rows appended
 * between two snapshots (Iceberg's incremental read, which covers appends only; a table rewritten
 * by overwrites or deletes is delivered in full). A retry reads the same snapshot, so it sends the
 * same rows.
 */
final class SnapshotReader {

  private final SparkSession spark;

  SnapshotReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The table's current snapshot, which a delivery without one fixes before its first attempt. */
  long currentSnapshot(String table) {
    Snapshot current = load(table).currentSnapshot();
    if (current == null) {
      throw new IllegalStateException("table " + table + " has no snapshot yet");
    }
    return current.snapshotId();
  }

  Dataset<Row> read(DeliveryRequest request) {
    Dataset<Row> rows =
        request.isIncremental()
            ? spark
                .read()
                .format("iceberg")
                .option("start-snapshot-id", request.baseSnapshotId())
                .option("end-snapshot-id", request.snapshotId())
                .load(request.table())
            : spark.read().option("snapshot-id", request.snapshotId()).table(request.table());
    if (request.rowFilter() != null) {
      rows = rows.where(request.rowFilter());
    }
    if (!request.columns().isEmpty()) {
      rows = rows.select(request.columns().stream().map(functions::col).toArray(Column[]::new));
    }
    return rows;
  }

  static List<ManifestField> schema(Dataset<Row> rows) {
    return Arrays.stream(rows.schema().fields())
        .map(f -> new ManifestField(f.name(), f.dataType().simpleString()))
        .toList();
  }

  private Table load(String table) {
    try {
      return Spark3Util.loadIcebergTable(spark, table);
    } catch (org.apache.spark.sql.catalyst.parser.ParseException
        | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalArgumentException("no Iceberg table " + table, e);
    }
  }
}
