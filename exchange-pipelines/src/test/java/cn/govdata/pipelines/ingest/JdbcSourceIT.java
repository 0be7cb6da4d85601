package cn.govdata.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.pipelines.SharedSpark;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A department table read over JDBC from the local PostgreSQL, in a throw-away schema. */
class JdbcSourceIT {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA =
      "jdbc_source_it_" + ThreadLocalRandom.current().nextInt(1_000_000);

  private final SourceReader reader = new SourceReader(SharedSpark.session());

  @BeforeAll
  static void createTable() throws SQLException {
    try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + SCHEMA);
      statement.execute(
          "CREATE TABLE "
              + SCHEMA
              + ".taxpayers (\"纳税人编号\" varchar(20) primary key, \"纳税人识别号\" varchar(20),"
              + " \"纳税人名称\" varchar(100), \"登记日期\" date, \"注册资本\" numeric(12,2))");
      statement.execute(
          "INSERT INTO "
              + SCHEMA
              + ".taxpayers VALUES ('TA1', '91440605MA4UJX5X1Y', '佛山市顺达贸易有限公司',"
              + " DATE '2016-03-05', 120.50), ('TA2', '12345678-9', '广州市华兴科技有限公司',"
              + " DATE '2009-11-30', NULL), ('TA3', NULL, '东莞市恒通物流有限公司', NULL, 8)");
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  private static SourceMapping mapping(String jdbcYaml, String extraColumn) {
    String yaml =
        "source: tax\n"
            + "department: 税务局\n"
            + "jdbc: "
            + jdbcYaml
            + "\n"
            + "priority: 2\n"
            + "record_id: 纳税人编号\n"
            + "updated: 登记日期\n"
            + "columns:\n"
            + "  纳税人识别号: credit_code\n"
            + "  纳税人名称: name\n"
            + "  注册资本: capital\n"
            + extraColumn;
    return SourceMapping.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "tax.yaml");
  }

  @Test
  void aMappedTableIsReadWithStandardNamesAndEveryValueAsText() {
    SourceMapping mapping =
        mapping("{url: '" + POSTGRES + "', table: " + SCHEMA + ".taxpayers, user: postgres}", "");
    assertThat(mapping.format()).isEqualTo("jdbc");
    assertThat(mapping.location()).isEqualTo(POSTGRES + " table " + SCHEMA + ".taxpayers");

    Dataset<Row> rows = reader.read(Path.of("unused"), mapping).cache();

    assertThat(rows.columns())
        .containsExactly(
            "source", "record_id", "updated", "capital", "credit_code", "name", "rejected");
    assertThat(rows.count()).isEqualTo(3);
    Row first = rows.filter("record_id = 'TA1'").first();
    assertThat(first.getString(first.fieldIndex("source"))).isEqualTo("tax");
    assertThat(first.getString(first.fieldIndex("credit_code"))).isEqualTo("91440605MA4UJX5X1Y");
    assertThat(first.getString(first.fieldIndex("name"))).isEqualTo("佛山市顺达贸易有限公司");
    assertThat(first.getString(first.fieldIndex("updated"))).isEqualTo("2016-03-05");
    assertThat(first.getString(first.fieldIndex("capital"))).isEqualTo("120.50");
    assertThat(rows.filter("rejected IS NOT NULL").count()).isZero();
  }

  @Test
  void aQueryIsReadLikeATable() {
    SourceMapping mapping =
        mapping(
            "{url: '"
                + POSTGRES
                + "', query: 'SELECT * FROM "
                + SCHEMA
                + ".taxpayers WHERE \"登记日期\" IS NOT NULL', user: postgres}",
            "");
    Dataset<Row> rows = reader.read(Path.of("unused"), mapping);
    assertThat(rows.select("record_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("TA1", "TA2");
  }

  @Test
  void aMappedColumnTheTableLacksIsAnErrorNamingSourceAndColumn() {
    SourceMapping mapping =
        mapping(
            "{url: '" + POSTGRES + "', table: " + SCHEMA + ".taxpayers, user: postgres}",
            "  生产经营地址: address\n");
    assertThatThrownBy(() -> reader.read(Path.of("unused"), mapping))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("tax")
        .hasMessageContaining("生产经营地址")
        .hasMessageContaining("mapping.column-missing");
  }

  @Test
  void aMissingTableAndAnUnsetPasswordVariableAreNamed() {
    SourceMapping noTable =
        mapping("{url: '" + POSTGRES + "', table: " + SCHEMA + ".nobody, user: postgres}", "");
    assertThatThrownBy(() -> reader.read(Path.of("unused"), noTable))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("jdbc.read")
        .hasMessageContaining(SCHEMA + ".nobody");

    SourceMapping noPassword =
        mapping(
            "{url: '"
                + POSTGRES
                + "', table: t, user: postgres, password-env: GOVDATA_IT_UNSET_PASSWORD_42}",
            "");
    assertThatThrownBy(() -> reader.read(Path.of("unused"), noPassword))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("GOVDATA_IT_UNSET_PASSWORD_42");
  }

  @Test
  void aMappingNamesExactlyOneOfTableAndQueryAndNoFile() {
    assertThatThrownBy(() -> mapping("{url: '" + POSTGRES + "'}", ""))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("exactly one of table and query");
    assertThatThrownBy(() -> mapping("{url: 'postgres://x', table: t}", ""))
        .hasMessageContaining("jdbc:");
    assertThatThrownBy(
            () ->
                new SourceMapping(
                    "tax",
                    "税务局",
                    "tax.csv",
                    null,
                    null,
                    1,
                    "id",
                    null,
                    Map.of("a", "name"),
                    Map.of(),
                    new SourceMapping.Jdbc(POSTGRES, "t", null, null, null)))
        .hasMessageContaining("exclude each other");
  }
}
