package cn.govdata.sql.bypass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.governance.directory.InformationItem;
import cn.govdata.governance.policy.PublishedTable;
import cn.govdata.sql.GatewayProcess;
import cn.govdata.sql.demo.DemoRows;
import cn.govdata.sql.demo.DemoZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway serving a base-database warehouse ({@code --warehouse}), as {@code bin/govdata}
 * serves the pipelines' {@code var/warehouse}: a generated table shaped like {@code
 * population.golden_person} is bound by the policies compiled from its description ({@link
 * BaseDatabaseTables}), over Hive JDBC. A table of the warehouse that no entry describes is denied
 * to everyone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseDatabaseGatewayIT {

  private static final int PERSONS = 200;
  private static final String GOLDEN_PERSON = "population.golden_person";

  private GatewayProcess gateway;
  private List<Row> people;

  @BeforeAll
  void startGatewayOverAWarehouse() throws Exception {
    Path warehouse = Files.createTempDirectory("govdata-base-warehouse");
    people = DemoRows.persons(PERSONS, 20261126L);
    writeWarehouse(warehouse, people);
    gateway =
        GatewayProcess.start(
            Files.createTempDirectory("govdata-sql-basedb"),
            List.of("--demo", "--persons", "20", "--warehouse", warehouse.toString()));
  }

  @AfterAll
  void stopGateway() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
  }

  /**
   * Writes {@code population.golden_person} as the population pipeline lays it out (its columns and
   * types as described), with generated people, and an undescribed {@code record_links}.
   */
  private static void writeWarehouse(Path warehouse, List<Row> people) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("base-database-warehouse")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.catalog.govdata", "org.apache.iceberg.spark.SparkCatalog")
            .config("spark.sql.catalog.govdata.type", "hadoop")
            .config("spark.sql.catalog.govdata.warehouse", warehouse.toUri().toString())
            .getOrCreate();
    try {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS govdata.population");
      PublishedTable described = BaseDatabaseTables.goldenPerson();
      StructType schema = new StructType();
      for (InformationItem item : described.resource().items()) {
        schema = schema.add(described.column(item), sparkType(described.column(item)));
      }
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        Row person = people.get(i);
        rows.add(
            RowFactory.create(
                "P" + i,
                person.getString(0),
                person.getString(1),
                null,
                i % 2 == 0 ? "M" : "F",
                person.getDate(5).toString(),
                "汉族",
                person.getString(3),
                person.getString(2),
                null,
                person.getString(4),
                Map.of("id_number", "police_household:R" + i),
                1L,
                List.of("police_household"),
                "population-test"));
      }
      spark.createDataFrame(rows, schema).writeTo("govdata." + GOLDEN_PERSON).create();
      spark
          .sql("SELECT person_id, 'police_household' AS source FROM govdata." + GOLDEN_PERSON)
          .writeTo("govdata.population.record_links")
          .create();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the test warehouse", e);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  private static DataType sparkType(String column) {
    return switch (column) {
      case "provenance" -> DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
      case "record_count" -> DataTypes.LongType;
      case "sources" -> DataTypes.createArrayType(DataTypes.StringType);
      default -> DataTypes.StringType;
    };
  }

  private List<List<Object>> query(DemoZone.DemoUser user, String sql) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(gateway.jdbcUrl(), user.name(), user.password())) {
      return GatewayProcess.query(connection, sql);
    }
  }

  private long foshanPeople() {
    return people.stream().filter(p -> p.getString(4).startsWith("4406")).count();
  }

  @Test
  void cityAnalystSeesMaskedPersonalDataOfTheirRegionOnly() throws Exception {
    List<List<Object>> rows =
        query(
            DemoZone.ANALYST,
            "SELECT id_number, name, phone, address, division_code FROM " + GOLDEN_PERSON);
    assertThat(rows).hasSize((int) foshanPeople()).isNotEmpty();
    assertThat(rows).allSatisfy(row -> assertThat((String) row.get(4)).startsWith("4406"));
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat((String) row.get(0)).matches("4406\\d{2}\\*{8}[0-9X]{4}");
              assertThat((String) row.get(1)).contains("*");
              assertThat((String) row.get(2)).matches("1\\d{2}\\*{4}\\d{4}");
            });
    assertThat(ClearValueScanner.clearValues(rows)).isEmpty();
    // every column is described, so the whole table reads; still nothing in the clear
    List<List<Object>> everything = query(DemoZone.ANALYST, "SELECT * FROM " + GOLDEN_PERSON);
    assertThat(everything).hasSize(rows.size());
    assertThat(ClearValueScanner.clearValues(everything)).isEmpty();
    // a filter on the masked column sees only the masked value
    String clear = people.get(2).getString(0);
    assertThat(
            query(
                DemoZone.ANALYST,
                "SELECT count(*) FROM " + GOLDEN_PERSON + " WHERE id_number = '" + clear + "'"))
        .containsExactly(List.of(0L));
  }

  @Test
  void privacyOfficerSeesClearValuesOfEveryRegion() throws Exception {
    List<List<Object>> rows =
        query(DemoZone.OFFICER, "SELECT id_number, name, phone FROM " + GOLDEN_PERSON);
    assertThat(rows).hasSize(PERSONS);
    assertThat(ClearValueScanner.clearValues(rows))
        .filteredOn(found -> found.startsWith("identity number"))
        .hasSize(PERSONS);
  }

  @Test
  void aUserWithoutAGrantIsRefusedByName() {
    assertThatThrownBy(() -> query(DemoZone.CITIZEN, "SELECT name FROM " + GOLDEN_PERSON))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(
            "Permission denied: user [citizen] does not have [select] privilege on"
                + " [population/golden_person]");
  }

  @Test
  void aTableNoEntryDescribesIsDeniedEvenToThePrivacyOfficer() {
    assertThatThrownBy(
            () -> query(DemoZone.OFFICER, "SELECT count(*) FROM population.record_links"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("does not have [select] privilege on [population/record_links]");
  }

  @Test
  void metadataListsTheBaseDatabaseTableOnlyToThoseWhoMaySelectIt() throws Exception {
    assertThat(tables(DemoZone.ANALYST))
        .contains(GOLDEN_PERSON)
        .doesNotContain("population.record_links");
    assertThat(tables(DemoZone.CITIZEN)).doesNotContain(GOLDEN_PERSON);
  }

  private List<String> tables(DemoZone.DemoUser user) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(gateway.jdbcUrl(), user.name(), user.password());
        ResultSet result = connection.getMetaData().getTables(null, "population", "%", null)) {
      while (result.next()) {
        names.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
