package cn.govdata.sql.bypass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.sql.GatewayProcess;
import cn.govdata.sql.demo.DemoZone;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bypass list over Hive JDBC against the gateway running as its own process, each user on their
 * own connection with their demo password, as a BI tool would connect.
 */
class HiveJdbcBypassIT extends BypassSuite {

  private GatewayProcess gateway;
  private final Map<String, Connection> connections = new HashMap<>();

  @BeforeAll
  void startGateway() throws Exception {
    gateway = GatewayProcess.startDemo(Files.createTempDirectory("govdata-sql-jdbc"), PERSONS);
  }

  @AfterAll
  void stopGateway() throws Exception {
    for (Connection connection : connections.values()) {
      connection.close();
    }
    gateway.close();
  }

  private Connection connection(String user) throws SQLException {
    Connection connection = connections.get(user);
    if (connection == null) {
      String password =
          DemoZone.USERS.stream()
              .filter(u -> u.name().equals(user))
              .findFirst()
              .orElseThrow()
              .password();
      connection = DriverManager.getConnection(gateway.jdbcUrl(), user, password);
      connections.put(user, connection);
    }
    return connection;
  }

  @Override
  List<List<Object>> query(String user, String sql) throws SQLException {
    try (Statement statement = connection(user).createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Override
  void execute(String user, String sql) throws SQLException {
    try (Statement statement = connection(user).createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void theSessionUserIsTheAuthenticatedUser() throws Exception {
    assertThat(query(ANALYST, "SELECT current_user()")).containsExactly(List.of(ANALYST));
  }

  /**
   * The HiveServer2 metadata operations (GetTables, GetColumns, GetSchemas) that JDBC tools call
   * for their table tree: Spark's thrift server answers them from its built-in session catalog, not
   * from the Iceberg catalog the gateway serves, so they name no table of the base databases —
   * least of all one the user may not select.
   */
  @Test
  void jdbcMetadataCallsListNoTableOrColumnTheUserMayNotSelect() throws Exception {
    DatabaseMetaData citizen = connection("citizen").getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet result = citizen.getTables(null, null, "%", null)) {
      while (result.next()) {
        tables.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).doesNotContain("population.person", "population.household");
    assertThat(tables).noneMatch(name -> name.endsWith(".person") || name.endsWith(".household"));
    List<String> columns = new ArrayList<>();
    for (String table : List.of("person", "household")) {
      try (ResultSet result = citizen.getColumns(null, "population", table, "%")) {
        while (result.next()) {
          columns.add(table + "." + result.getString("COLUMN_NAME"));
        }
      }
    }
    try (ResultSet result = citizen.getColumns(null, null, "%", "id_number")) {
      while (result.next()) {
        columns.add(result.getString("TABLE_NAME") + "." + result.getString("COLUMN_NAME"));
      }
    }
    assertThat(columns).isEmpty();
    DatabaseMetaData clerk = connection("clerk").getMetaData();
    try (ResultSet result = clerk.getColumns(null, "population", "household", "%")) {
      assertThat(result.next()).as("household columns listed to the clerk").isFalse();
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection(gateway.jdbcUrl(), ANALYST, "guess"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(gateway.jdbcUrl(), "mallory", "x"))
        .isInstanceOf(SQLException.class);
  }
}
