package cn.govdata.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.jdbc.JdbcDialects;
import org.junit.jupiter.api.Test;

class HiveJdbcDialectTest {

  @Test
  void hiveUrlsQuoteColumnsWithBackticksSoHiveReadsThemAsNames() {
    HiveJdbcDialect.register();
    HiveJdbcDialect.register();
    assertThat(JdbcDialects.get("jdbc:hive2://gateway:10000/default").quoteIdentifier("纳税人名称"))
        .isEqualTo("`纳税人名称`");
    assertThat(JdbcDialects.get("jdbc:hive2://gateway:10000/default").quoteIdentifier("a`b"))
        .isEqualTo("`a``b`");
    assertThat(JdbcDialects.get("jdbc:postgresql://127.0.0.1/test").quoteIdentifier("名称"))
        .isEqualTo("\"名称\"");
  }
}
