package cn.govdata.sql.bypass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.sql.demo.DemoRows;
import cn.govdata.sql.demo.DemoZone;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bypass list: every way a statement could reach personal data in the clear, run as an
 * unprivileged user (a city department's analyst), with every result scanned for clear identity
 * numbers and mobiles. Runs against the Spark session directly and over Hive JDBC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BypassSuite {

  static final int PERSONS = 300;

  /** Runs a query as {@code user} in that user's own session and returns its rows. */
  abstract List<List<Object>> query(String user, String sql) throws Exception;

  /** Runs a statement as {@code user}, ignoring any result. */
  abstract void execute(String user, String sql) throws Exception;

  static final String ANALYST = DemoZone.ANALYST.name();

  /** A Foshan resident's identity number, in the clear, as generated. */
  static String foshanIdentityNumber() {
    return DemoRows.persons(PERSONS, 20260101L).stream()
        .filter(r -> r.getString(4).startsWith("4406"))
        .map(r -> r.getString(0))
        .findFirst()
        .orElseThrow();
  }

  static List<String> bypassList() {
    return List.of(
        "SELECT * FROM population.person",
        "SELECT id_number, mobile FROM population.person WHERE id_number LIKE '4406%'",
        "SELECT substr(id_number, 7, 8), concat(mobile, ''), cast(id_number AS varchar(20)),"
            + " reverse(mobile), upper(id_number) FROM population.person",
        "WITH t AS (SELECT * FROM population.person) SELECT * FROM t",
        "SELECT * FROM (SELECT id_number, mobile FROM population.person) x",
        "SELECT p.id_number, h.head_id_number, h.phone FROM population.person p"
            + " JOIN population.household h ON p.id_number = h.head_id_number",
        "SELECT id_number FROM population.person UNION SELECT head_id_number FROM population.household",
        "SELECT mobile FROM population.person UNION ALL SELECT phone FROM population.household",
        "SELECT DISTINCT mobile FROM population.person",
        "SELECT id_number, count(*) FROM population.person GROUP BY id_number",
        "SELECT max(id_number), min(mobile), first(id_number) FROM population.person",
        "SELECT id_number, row_number() OVER (PARTITION BY region_code ORDER BY id_number),"
            + " lag(mobile) OVER (ORDER BY id_number) FROM population.person",
        "SELECT * FROM population.person WHERE id_number IN"
            + " (SELECT head_id_number FROM population.household)",
        "SELECT (SELECT max(mobile) FROM population.person) AS m",
        "SELECT * FROM population.person p WHERE EXISTS"
            + " (SELECT 1 FROM population.household h WHERE h.head_id_number = p.id_number)",
        "SELECT collect_list(id_number) FROM population.person",
        "SELECT to_json(struct(*)) FROM population.person",
        "SELECT * FROM population.person TABLESAMPLE (50 PERCENT)",
        "SELECT * FROM population.person ORDER BY id_number LIMIT 5",
        "EXPLAIN EXTENDED SELECT * FROM population.person WHERE id_number = '440605199001011234'",
        "DESCRIBE TABLE EXTENDED population.person",
        "SHOW CREATE TABLE population.person",
        "SHOW TABLES IN population");
  }

  @Test
  void noStatementOfTheBypassListReturnsClearPersonalData() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String sql : bypassList()) {
      List<List<Object>> rows = query(ANALYST, sql);
      ClearValueScanner.clearValues(rows).forEach(v -> leaks.add(sql + " -> " + v));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theAnalystSeesMaskedValuesOfTheirCityOnly() throws Exception {
    List<List<Object>> rows =
        query(
            ANALYST,
            "SELECT id_number, full_name, mobile, home_address, region_code FROM population.person");
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(row -> assertThat(row.get(4).toString()).startsWith("4406"));
    assertThat(rows.get(0).get(0).toString()).matches("4406\\d{2}\\*{8}[0-9X]{4}");
    assertThat(rows.get(0).get(1).toString()).contains("*");
    assertThat(rows.get(0).get(2).toString()).matches("1\\d{2}\\*{4}\\d{4}");
    assertThat(rows.get(0).get(3).toString()).matches("广东省佛山市..区\\*{4}");
  }

  @Test
  void aFilterOnAMaskedColumnCannotProbeTheClearValue() throws Exception {
    String clear = foshanIdentityNumber();
    assertThat(
            query(
                ANALYST,
                "SELECT count(*) FROM population.person WHERE id_number = '" + clear + "'"))
        .containsExactly(List.of(0L));
    assertThat(
            query(
                ANALYST,
                "SELECT count(*) FROM population.person WHERE substr(id_number, 7, 8) = '"
                    + clear.substring(6, 14)
                    + "'"))
        .containsExactly(List.of(0L));
  }

  @Test
  void temporaryViewsCachedTablesAndCtasStayMasked() throws Exception {
    execute(ANALYST, "CREATE OR REPLACE TEMPORARY VIEW people AS SELECT * FROM population.person");
    execute(ANALYST, "CACHE TABLE cached_people AS SELECT * FROM population.person");
    execute(ANALYST, "DROP TABLE IF EXISTS workspace.analyst_copy");
    execute(ANALYST, "CREATE TABLE workspace.analyst_copy AS SELECT * FROM population.person");
    execute(ANALYST, "INSERT INTO workspace.analyst_copy SELECT * FROM population.person");
    List<String> leaks = new ArrayList<>();
    for (String sql :
        List.of(
            "SELECT * FROM people",
            "SELECT * FROM cached_people",
            "SELECT * FROM workspace.analyst_copy")) {
      List<List<Object>> rows = query(ANALYST, sql);
      assertThat(rows).as(sql).isNotEmpty();
      ClearValueScanner.clearValues(rows).forEach(v -> leaks.add(sql + " -> " + v));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void deniedTablesAndStatementsRaiseAClearAuthorisationError() {
    assertDenied(
        "citizen",
        "SELECT * FROM population.person",
        "does not have [select] privilege on [population/person]");
    assertDenied("clerk", "SELECT * FROM population.household", "[population/household]");
    assertDenied("citizen", "DESCRIBE population.person", "[population/person]");
    assertDenied(ANALYST, "SELECT * FROM population.person.snapshots", "privilege");
    assertDenied(
        ANALYST,
        "CREATE TABLE population.stolen AS SELECT * FROM population.person",
        "does not have [write] privilege");
    assertDenied(
        ANALYST,
        "CREATE TABLE workspace.officer_copy AS SELECT * FROM population.person",
        "does not have [write] privilege");
    assertDenied(ANALYST, "DELETE FROM population.person WHERE true", "Permission denied");
    assertDenied(ANALYST, "CREATE TEMPORARY FUNCTION leak AS 'java.lang.String'", "is not allowed");
    assertDenied(
        ANALYST,
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "may not call Java methods");
    assertDenied(
        ANALYST, "SET spark.sql.catalog.gov.warehouse=file:/tmp/elsewhere", "may not change");
    assertDenied(
        ANALYST,
        "CREATE GLOBAL TEMPORARY VIEW g AS SELECT * FROM population.person",
        "temporary views");
  }

  @Test
  void showTablesListsOnlyTheTablesTheUserMaySelect() throws Exception {
    assertThat(tableNames(query(DemoZone.OFFICER.name(), "SHOW TABLES IN population")))
        .contains("person", "household");
    assertThat(tableNames(query("clerk", "SHOW TABLES IN population")))
        .contains("person")
        .doesNotContain("household");
    assertThat(tableNames(query("citizen", "SHOW TABLES IN population")))
        .doesNotContain("person", "household");
    assertThat(tableNames(query("citizen", "SHOW TABLES IN open_data"))).contains("air_quality");
    assertThat(tableNames(query("citizen", "SHOW TABLES IN population LIKE 'per*'"))).isEmpty();
  }

  /** The table names of SHOW TABLES rows (namespace, tableName, isTemporary). */
  static List<String> tableNames(List<List<Object>> rows) {
    return rows.stream().map(row -> String.valueOf(row.get(1))).toList();
  }

  @Test
  void openDataIsOpenToThePublic() throws Exception {
    assertThat(query("citizen", "SELECT count(*) FROM open_data.air_quality"))
        .containsExactly(List.of(150L));
  }

  @Test
  void privilegedRolesSeeClearValues() throws Exception {
    String clear = foshanIdentityNumber();
    for (String user : List.of(DemoZone.OFFICER.name(), DemoZone.POLICE.name())) {
      assertThat(
              query(
                  user, "SELECT count(*) FROM population.person WHERE id_number = '" + clear + "'"))
          .containsExactly(List.of(1L));
      assertThat(ClearValueScanner.clearValues(query(user, "SELECT * FROM population.person")))
          .hasSizeGreaterThanOrEqualTo(2 * PERSONS);
    }
  }

  void assertDenied(String user, String sql, String message) {
    assertThatThrownBy(() -> query(user, sql)).as(user + ": " + sql).hasMessageContaining(message);
  }

  static List<List<Object>> rows(List<Row> rows) {
    List<List<Object>> result = new ArrayList<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      result.add(values);
    }
    return result;
  }
}
