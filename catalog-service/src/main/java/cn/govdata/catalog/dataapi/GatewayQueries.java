package cn.govdata.catalog.dataapi;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs a statement on the SQL gateway as a given user. The production implementation is {@link
 * HiveJdbcGateway}; the gateway authenticates the user and applies the user's policies.
 */
interface GatewayQueries {

  /** Rows of a query: column names and values in the order of the columns. */
  record Rows(List<String> columns, List<List<Object>> values) {
    public Rows {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
    }
  }

  Rows query(String user, String secret, String sql) throws SQLException;
}
