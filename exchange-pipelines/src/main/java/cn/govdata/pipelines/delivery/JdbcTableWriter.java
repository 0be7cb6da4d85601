package cn.govdata.pipelines.delivery;

import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a delivery into a JDBC table. The rows and a marker row in {@value #MARKER} (keyed by the
 * delivery id) commit in one transaction: a process killed mid-transfer leaves nothing (the
 * database rolls the open transaction back), and a retry after a commit finds the marker and writes
 * nothing again. A full delivery with {@code replace} also deletes the table's rows in that
 * transaction.
 */
final class JdbcTableWriter {

  static final String MARKER = "govdata_delivery";
  private static final int BATCH = 1_000;

  Written write(Dataset<Row> rows, JdbcTable target, DeliveryRequest request, Faults faults)
      throws SQLException {
    try (Connection connection = connect(target)) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            "CREATE TABLE IF NOT EXISTS "
                + MARKER
                + " (delivery_id VARCHAR(128) PRIMARY KEY, resource_code VARCHAR(32) NOT NULL,"
                + " target_table VARCHAR(128) NOT NULL, snapshot_id VARCHAR(64) NOT NULL,"
                + " row_count BIGINT NOT NULL, delivered_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        ddl.execute("CREATE TABLE IF NOT EXISTS " + target.table() + " (" + columns(rows) + ")");
      }
      connection.commit();
      Long earlier = markedRows(connection, request.deliveryId());
      if (earlier != null) {
        connection.rollback();
        return new Written(earlier, 0, List.of(), true);
      }
      if (!request.isIncremental() && target.replace()) {
        try (Statement delete = connection.createStatement()) {
          delete.executeUpdate("DELETE FROM " + target.table());
        }
      }
      long count = insert(connection, rows, target.table(), faults);
      try (PreparedStatement marker =
          connection.prepareStatement(
              "INSERT INTO "
                  + MARKER
                  + " (delivery_id, resource_code, target_table, snapshot_id, row_count,"
                  + " delivered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        marker.setString(1, request.deliveryId());
        marker.setString(2, request.resource().toString());
        marker.setString(3, target.table());
        marker.setString(4, String.valueOf(request.snapshotId()));
        marker.setLong(5, count);
        marker.setTimestamp(6, Timestamp.from(Instant.now()));
        marker.executeUpdate();
      }
      connection.commit();
      return new Written(count, 0, List.of(), false);
    }
  }

  static Connection connect(JdbcTable target) throws SQLException {
    return DriverManager.getConnection(target.url(), target.user(), target.password());
  }

  /** The rows a committed delivery recorded, or {@code null} if none was committed. */
  static Long markedRows(Connection connection, String deliveryId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT row_count FROM " + MARKER + " WHERE delivery_id = ?")) {
      select.setString(1, deliveryId);
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? result.getLong(1) : null;
      }
    }
  }

  private static long insert(Connection connection, Dataset<Row> rows, String table, Faults faults)
      throws SQLException {
    String[] names = rows.columns();
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(names.length, "?"))
            + ")";
    long count = 0;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      Iterator<Row> iterator = rows.toLocalIterator();
      while (iterator.hasNext()) {
        Row row = iterator.next();
        for (int i = 0; i < names.length; i++) {
          insert.setObject(i + 1, row.isNullAt(i) ? null : row.get(i));
        }
        insert.addBatch();
        count++;
        if (count % BATCH == 0) {
          insert.executeBatch();
          faults.afterRows(count);
        }
      }
      insert.executeBatch();
      faults.afterRows(count);
    }
    return count;
  }

  /** Column definitions in SQL types most JDBC databases know. */
  static String columns(Dataset<Row> rows) {
    return java.util.Arrays.stream(rows.schema().fields())
        .map(f -> f.name() + " " + sqlType(f))
        .collect(Collectors.joining(", "));
  }

  private static String sqlType(StructField field) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR(4000)";
    } else if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType)) {
      return "INTEGER";
    } else if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    } else if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
      return "DOUBLE PRECISION";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    } else if (type.equals(DataTypes.DateType)) {
      return "DATE";
    } else if (type.equals(DataTypes.TimestampType)) {
      return "TIMESTAMP WITH TIME ZONE";
    } else if (type instanceof DecimalType decimal) {
      return "NUMERIC(" + decimal.precision() + ", " + decimal.scale() + ")";
    }
    throw new IllegalArgumentException(
        "column "
            + field.name()
            + " has type "
            + type.simpleString()
            + ", not deliverable to JDBC");
  }
}
