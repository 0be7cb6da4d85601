package cn.govdata.catalog.directory;

import cn.govdata.catalog.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory API on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}), in a schema
 * of its own so that parallel runs do not collide; the schema is dropped afterwards.
 */
class PostgresDirectoryApiIT extends AbstractDirectoryApiIT {

  static final String SCHEMA = PostgresTestSchema.named("it_catalog_");

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  void dropSchema() {
    PostgresTestSchema.drop(jdbc, SCHEMA);
  }
}
