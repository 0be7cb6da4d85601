package cn.govdata.lineage.store;

import cn.govdata.governance.validation.InvalidFieldException;
import cn.govdata.lineage.graph.Dataset;
import cn.govdata.lineage.graph.LineageProcess;
import cn.govdata.lineage.graph.LineageRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keeps the platform's lineage records in a relational database — the catalog's PostgreSQL, or H2
 * for a local node — so that the pipelines that record runs and deliveries and the catalog service
 * that draws the graph share them. One row per dataset and per process, the record as canonical
 * JSON; writes are create-or-update by qualified name.
 */
public final class JdbcLineageStore {

  /** Portable between PostgreSQL and H2; {@code IF NOT EXISTS} lets every process call it. */
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS lineage_dataset ("
              + " qualified_name VARCHAR(512) PRIMARY KEY,"
              + " kind VARCHAR(32) NOT NULL,"
              + " record VARCHAR(1000000) NOT NULL,"
              + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)",
          "CREATE TABLE IF NOT EXISTS lineage_process ("
              + " qualified_name VARCHAR(512) PRIMARY KEY,"
              + " kind VARCHAR(32) NOT NULL,"
              + " record VARCHAR(1000000) NOT NULL,"
              + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)");

  /** SQLSTATE of a unique-key violation, in PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcLineageStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Creates the tables if they are missing. */
  public void createSchema() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : SCHEMA) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new LineageStoreException("creating the lineage tables", e);
    }
  }

  /** Records or replaces a dataset; a column's table must be stored first. */
  public void save(Dataset dataset) {
    inTransaction(
        "saving " + dataset.qualifiedName(),
        connection -> {
          if (dataset.parent() != null) {
            requireStored(connection, List.of(dataset.parent()));
          }
          upsert(
              connection,
              "lineage_dataset",
              dataset.qualifiedName(),
              dataset.kind().name(),
              LineageJson.write(dataset));
        });
  }

  /**
   * Records or replaces a process; every dataset it names must be stored, so the graph never has a
   * dangling edge. The check and the write are one transaction.
   */
  public void save(LineageProcess process) {
    inTransaction(
        "saving " + process.qualifiedName(),
        connection -> {
          List<String> named = new ArrayList<>(process.inputs());
          named.addAll(process.outputs());
          requireStored(connection, named);
          upsert(
              connection,
              "lineage_process",
              process.qualifiedName(),
              process.kind().name(),
              LineageJson.write(process));
        });
  }

  /** Every stored record, ready for graph queries: datasets (tables first), then processes. */
  public LineageRecords load() {
    LineageRecords records = new LineageRecords();
    try (Connection connection = dataSource.getConnection()) {
      // Columns name their tables, so tables and resources load before columns.
      for (String record :
          records(
              connection,
              "SELECT record FROM lineage_dataset"
                  + " ORDER BY CASE kind WHEN 'COLUMN' THEN 1 ELSE 0 END, qualified_name")) {
        records.record(LineageJson.readDataset(record));
      }
      for (String record :
          records(connection, "SELECT record FROM lineage_process ORDER BY qualified_name")) {
        records.record(LineageJson.readProcess(record));
      }
    } catch (SQLException e) {
      throw new LineageStoreException("loading the lineage records", e);
    }
    return records;
  }

  private void upsert(
      Connection connection, String table, String qualifiedName, String kind, String record)
      throws SQLException {
    Timestamp now = Timestamp.from(clock.instant());
    String update =
        "UPDATE " + table + " SET kind = ?, record = ?, recorded_at = ? WHERE qualified_name = ?";
    if (execute(connection, update, kind, record, now, qualifiedName) == 1) {
      return;
    }
    // Two writers may both find no row; the second insert then fails on the key and updates.
    Savepoint beforeInsert = connection.setSavepoint();
    try {
      execute(
          connection,
          "INSERT INTO "
              + table
              + " (qualified_name, kind, record, recorded_at) VALUES (?, ?, ?, ?)",
          qualifiedName,
          kind,
          record,
          now);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(beforeInsert);
      upsert(connection, table, qualifiedName, kind, record);
    }
  }

  private static int execute(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static void requireStored(Connection connection, List<String> qualifiedNames)
      throws SQLException {
    List<String> missing = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM lineage_dataset WHERE qualified_name = ?")) {
      for (String name : qualifiedNames) {
        query.setString(1, name);
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            missing.add(name);
          }
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidFieldException(
          "inputs", "dataset.known", "datasets not recorded: " + String.join(", ", missing));
    }
  }

  private static List<String> records(Connection connection, String sql) throws SQLException {
    List<String> records = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        records.add(rows.getString(1));
      }
    }
    return records;
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  private void inTransaction(String action, Work work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new LineageStoreException(action, e);
    }
  }
}
