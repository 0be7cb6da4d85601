package cn.govdata.catalog.application;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Applications on the real PostgreSQL at 127.0.0.1:5432, in a schema of their own. */
class PostgresApplicationApiIT extends AbstractApplicationApiIT {

  static final String SCHEMA =
      "it_application_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("govdata.home", () -> "target/it-home/" + UUID.randomUUID());
  }

  @AfterAll
  void dropSchema() {
    jdbc.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
  }
}
