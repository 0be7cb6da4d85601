package cn.govdata.lineage.store;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/** The lineage store on the PostgreSQL at 127.0.0.1:5432, in a schema of its own per test. */
class JdbcLineageStoreIT extends LineageStoreContract {

  private final String schema = "lineage_it_" + Long.toHexString(System.nanoTime());
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  @BeforeEach
  void createSchema() throws Exception {
    dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/test");
    dataSource.setUser("postgres");
    execute("CREATE SCHEMA " + schema);
    dataSource.setCurrentSchema(schema);
  }

  @AfterEach
  void dropSchema() throws Exception {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
