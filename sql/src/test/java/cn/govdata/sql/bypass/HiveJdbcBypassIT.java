package cn.govdata.sql.bypass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.sql.GatewayProcess;
import cn.govdata.sql.demo.DemoZone;
import java.nio.file.Files;
import java.sql.Connection;
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
    return GatewayProcess.query(connection(user), sql);
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
   * The HiveServer2 metadata operations JDBC tools call for their table tree (GetSchemas,
   * GetTables, GetColumns) list the gateway's tables and columns, only those the user may select.
   */
  @Test
  void jdbcMetadataCallsListOnlyTheTablesAndColumnsTheUserMaySelect() throws Exception {
    assertThat(tables("citizen"))
        .contains("open_data.air_quality")
        .doesNotContain("population.person", "population.household");
    assertThat(tables("clerk"))
        .contains("population.person")
        .doesNotContain("population.household");
    assertThat(tables(DemoZone.OFFICER.name()))
        .contains("population.person", "population.household", "open_data.air_quality");
    assertThat(columns("citizen", "population", "person")).isEmpty();
    assertThat(columns("clerk", "population", "household")).isEmpty();
    assertThat(columns(ANALYST, "population", "person"))
        .containsExactly(
            "id_number", "full_name", "mobile", "home_address", "region_code", "birth_date");
    // a column pattern over every table names no column of a denied one
    List<String> idColumns = new ArrayList<>();
    try (ResultSet result =
        connection("citizen").getMetaData().getColumns(null, null, "%", "%id_number")) {
      while (result.next()) {
        idColumns.add(result.getString("TABLE_NAME") + "." + result.getString("COLUMN_NAME"));
      }
    }
    assertThat(idColumns).isEmpty();
    List<String> schemas = new ArrayList<>();
    try (ResultSet result = connection("citizen").getMetaData().getSchemas()) {
      while (result.next()) {
        schemas.add(result.getString("TABLE_SCHEM"));
      }
    }
    assertThat(schemas).contains("population", "open_data");
  }

  /** {@code schema.table} of every table DatabaseMetaData.getTables lists to {@code user}. */
  private List<String> tables(String user) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet result = connection(user).getMetaData().getTables(null, null, "%", null)) {
      while (result.next()) {
        tables.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  /** The column names DatabaseMetaData.getColumns lists to {@code user}, in table order. */
  private List<String> columns(String user, String schema, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet result = connection(user).getMetaData().getColumns(null, schema, table, "%")) {
      while (result.next()) {
        columns.add(result.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection(gateway.jdbcUrl(), ANALYST, "guess"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(gateway.jdbcUrl(), "mallory", "x"))
        .isInstanceOf(SQLException.class);
  }
}
