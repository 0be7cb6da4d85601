package cn.govdata.catalog.dataapi;

import cn.govdata.catalog.apikey.DataApiLimits;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.hive.jdbc.HiveDriver;
import org.springframework.stereotype.Component;

/**
 * The gateway over Hive JDBC, one connection per request, signed in as the caller with the caller's
 * own API key: the gateway's session user is the caller, so its policies, masks and row filters are
 * the caller's, exactly as for a BI tool on the same key.
 */
@Component
class HiveJdbcGateway implements GatewayQueries {

  private final String url;
  private final HiveDriver driver = new HiveDriver();

  HiveJdbcGateway(DataApiLimits settings) {
    this.url = settings.gatewayUrl();
  }

  @Override
  public Rows query(String user, String secret, String sql) throws SQLException {
    java.util.Properties credentials = new java.util.Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", secret);
    try (Connection connection = driver.connect(url, credentials);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int count = result.getMetaData().getColumnCount();
      List<String> columns = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        String label = result.getMetaData().getColumnLabel(i);
        // Hive may prefix a column with its table ("person.id_number")
        columns.add(label.substring(label.lastIndexOf('.') + 1));
      }
      List<List<Object>> values = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
          row.add(plain(result.getObject(i)));
        }
        values.add(row);
      }
      return new Rows(columns, values);
    }
  }

  /** Dates and times as ISO text, so JSON and CSV show them the same way. */
  private static Object plain(Object value) {
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    return value;
  }
}
