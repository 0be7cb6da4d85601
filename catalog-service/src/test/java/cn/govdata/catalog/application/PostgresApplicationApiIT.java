package cn.govdata.catalog.application;

import cn.govdata.catalog.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Applications on the real PostgreSQL at 127.0.0.1:5432, in a schema of their own. */
class PostgresApplicationApiIT extends AbstractApplicationApiIT {

  static final String SCHEMA = PostgresTestSchema.named("it_application_");

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
