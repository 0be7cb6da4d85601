package cn.govdata.sql.bypass;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.sql.Gateway;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.GatewaySettings;
import cn.govdata.sql.demo.DemoZone;
import cn.govdata.sql.metadata.SecuredCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CurrentUserContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bypass list against the gateway's Spark session in this JVM, one Spark session per user as
 * the thrift server keeps one per connection; the session user is set as the thrift server sets it.
 */
class SparkSessionBypassIT extends BypassSuite {

  private SparkSession spark;
  private Path home;
  private final Map<String, SparkSession> sessions = new HashMap<>();

  @BeforeAll
  void startSpark() throws Exception {
    home = Files.createTempDirectory("govdata-sql-session");
    spark = Gateway.session(home, new GatewaySettings("127.0.0.1", 10000), "local[2]");
    Gateway.loadDemo(spark, home, PERSONS);
    denyColumnToCitizen(home.resolve("policies.json"));
  }

  /**
   * Adds a hand-written Ranger deny policy: the citizen may not read air_quality.aqi. The compiled
   * policies grant whole tables; this exercises column-level denial.
   */
  private static void denyColumnToCitizen(Path policies) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode document = (ObjectNode) json.readTree(policies.toFile());
    ((ArrayNode) document.get("policies"))
        .add(
            json.readTree(
                """
                {"id": 9001, "name": "test: citizen may not read aqi", "service": "govdata",
                 "policyType": 0, "isEnabled": true, "isAuditEnabled": true,
                 "resources": {"database": {"values": ["open_data"]},
                               "table": {"values": ["air_quality"]},
                               "column": {"values": ["aqi"]}},
                 "denyPolicyItems": [{"accesses": [{"type": "select", "isAllowed": true}],
                                      "users": ["citizen"]}]}
                """));
    json.writeValue(policies.toFile(), document);
  }

  @Test
  void aDeniedColumnFailsOnlyTheStatementsThatUseIt() {
    assertThat(query("citizen", "SELECT count(*), max(station) FROM open_data.air_quality"))
        .hasSize(1);
    assertDenied(
        "citizen",
        "SELECT station, aqi FROM open_data.air_quality",
        "does not have [select] privilege on [open_data/air_quality/aqi]");
    assertDenied("citizen", "SELECT * FROM open_data.air_quality", "[open_data/air_quality/aqi]");
    assertDenied(
        "citizen",
        "SELECT station FROM open_data.air_quality WHERE aqi > 100",
        "[open_data/air_quality/aqi]");
    assertDenied(
        "citizen",
        "SELECT station FROM open_data.air_quality UNION SELECT CAST(aqi AS STRING) FROM open_data.air_quality",
        "[open_data/air_quality/aqi]");
  }

  @Test
  void describeLeavesOutADeniedColumnAndShowCreateTableIsRefused() {
    List<Object> described =
        query("citizen", "DESCRIBE TABLE EXTENDED open_data.air_quality").stream()
            .map(row -> row.get(0))
            .toList();
    assertThat(described).contains("station", "region_code", "observed_on").doesNotContain("aqi");
    // the officer, denied nothing, sees the column the citizen does not
    assertThat(query(DemoZone.OFFICER.name(), "DESCRIBE open_data.air_quality"))
        .extracting(row -> row.get(0))
        .contains("aqi");
    assertDenied("citizen", "DESCRIBE open_data.air_quality aqi", "[open_data/air_quality/aqi]");
    assertDenied(
        "citizen", "SHOW CREATE TABLE open_data.air_quality", "[open_data/air_quality/aqi]");
  }

  @Test
  void theJdbcMetadataCatalogLeavesOutDeniedTablesAndADeniedColumn() {
    GatewayRuntime runtime = GatewayRuntime.get(spark.sparkContext().getConf());
    SecuredCatalog citizen = new SecuredCatalog(spark, runtime, runtime.principal("citizen"));

    assertThat(citizen.tables("%", "%"))
        .extracting(SecuredCatalog.Table::name)
        .contains("air_quality")
        .doesNotContain("person", "household");
    assertThat(citizen.columns("open_data", "air_quality", "%"))
        .extracting(column -> column.field().name())
        .contains("station", "region_code", "observed_on")
        .doesNotContain("aqi");
    SecuredCatalog officer =
        new SecuredCatalog(spark, runtime, runtime.principal(DemoZone.OFFICER.name()));
    assertThat(officer.columns("open_data", "air_quality", "a_i"))
        .extracting(column -> column.field().name())
        .containsExactly("aqi");
  }

  @AfterAll
  void stopSpark() {
    spark.stop();
    GatewayRuntime.reset();
  }

  @Test
  void theTablesFilesCannotBeReadDirectly() {
    Path data = home.resolve("warehouse/population/person/data");
    assertDenied(
        ANALYST,
        "SELECT * FROM parquet.`" + data.toUri() + "`",
        "may read only tables of catalog 'gov'");
  }

  @Override
  List<List<Object>> query(String user, String sql) {
    SparkSession session = sessions.computeIfAbsent(user, u -> spark.newSession());
    CurrentUserContext.CURRENT_USER().set(user);
    try {
      return rows(session.sql(sql).collectAsList());
    } finally {
      CurrentUserContext.CURRENT_USER().remove();
    }
  }

  @Override
  void execute(String user, String sql) {
    query(user, sql);
  }
}
