package cn.govdata.catalog;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away schema in the machine's PostgreSQL (127.0.0.1:5432, database {@code test}) for one
 * test class, so that parallel runs and other suites never see each other's rows.
 */
public final class PostgresTestSchema {

  private PostgresTestSchema() {}

  /** A fresh schema name starting with {@code prefix}. */
  public static String named(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Points the application (datasource, Flyway, its home) at {@code schema}. */
  public static void register(DynamicPropertyRegistry registry, String schema) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> schema);
    registry.add("govdata.home", () -> "target/it-home/" + UUID.randomUUID());
  }

  public static void drop(JdbcClient jdbc, String schema) {
    jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
  }
}
