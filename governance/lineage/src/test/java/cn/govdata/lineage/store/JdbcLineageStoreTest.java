package cn.govdata.lineage.store;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The lineage store on H2 in PostgreSQL mode, the local node's embedded database. */
class JdbcLineageStoreTest extends LineageStoreContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  JdbcLineageStoreTest() {
    dataSource.setURL(
        "jdbc:h2:mem:lineage-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
