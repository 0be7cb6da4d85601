package cn.govdata.pipelines.ingest;

import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * Spark's JDBC source quotes column names with double quotes, which HiveQL reads as string
 * literals: every row of a Hive table would come back holding its column names. For {@code
 * jdbc:hive2://} URLs (a Hive warehouse, or the platform's own SQL gateway) names are quoted with
 * backticks instead.
 */
final class HiveJdbcDialect extends JdbcDialect {

  private static final HiveJdbcDialect INSTANCE = new HiveJdbcDialect();
  private static boolean registered;

  private HiveJdbcDialect() {}

  /** Registers the dialect with Spark once per JVM. */
  static synchronized void register() {
    if (!registered) {
      JdbcDialects.registerDialect(INSTANCE);
      registered = true;
    }
  }

  @Override
  public boolean canHandle(String url) {
    return url.startsWith("jdbc:hive2:");
  }

  @Override
  public String quoteIdentifier(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
