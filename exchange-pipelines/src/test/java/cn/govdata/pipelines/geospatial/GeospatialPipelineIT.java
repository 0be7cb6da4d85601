package cn.govdata.pipelines.geospatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.governance.policy.PublishedTable;
import cn.govdata.pipelines.DescribedSchemas;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.PointGenerator;
import cn.govdata.pipelines.run.RecordedRun;
import cn.govdata.pipelines.run.RunLog;
import cn.govdata.pipelines.run.RunRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The geospatial pipeline end to end on generated points, against a real Iceberg warehouse. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeospatialPipelineIT {

  @TempDir static Path home;
  static SparkSession spark;
  static RunRecord run;

  @BeforeAll
  static void runPipeline() {
    spark = SharedSpark.session();
    new PointGenerator(7L, 2_000).write(home.resolve("points"));
    run =
        new GeospatialPipeline(spark, line -> {})
            .run(
                new GeospatialPipeline.Request(
                    Optional.of(home.resolve("points/points.csv")),
                    home.resolve("runs"),
                    "geospatial-test-1"));
  }

  @Test
  @Order(1)
  void writesTheDivisionHierarchyWithItsCodeHistory() {
    assertThat(run.succeeded()).isTrue();
    Row nanhai =
        spark
            .sql(
                "SELECT name, level, parent, valid FROM "
                    + GeospatialPipeline.table("divisions")
                    + " WHERE code = '440605'")
            .first();
    assertThat(nanhai.getString(0)).isEqualTo("南海区");
    assertThat(nanhai.getString(1)).isEqualTo("county");
    assertThat(nanhai.getString(2)).isEqualTo("440600");
    assertThat(nanhai.getBoolean(3)).isTrue();
    Row retired =
        spark
            .sql(
                "SELECT new_code, new_name, CAST(change_date AS STRING), kind FROM "
                    + GeospatialPipeline.table("division_history")
                    + " WHERE old_code = '440682'")
            .first();
    assertThat(retired.getString(0)).isEqualTo("440605");
    assertThat(retired.getString(1)).isEqualTo("南海区");
    assertThat(retired.getString(2)).isEqualTo("2002-12-08");
    assertThat(retired.getString(3)).isEqualTo("撤市设区");
    assertThat(
            spark
                .sql(
                    "SELECT valid FROM "
                        + GeospatialPipeline.table("divisions")
                        + " WHERE code = '440682'")
                .first()
                .getBoolean(0))
        .isFalse();
  }

  @Test
  @Order(1)
  void publishedTablesAreLaidOutAsTheirDirectoryEntriesDescribeThem() {
    // the gateway's policies are compiled from the descriptions: a drifted column is unbound
    for (PublishedTable described :
        List.of(
            BaseDatabaseTables.divisions(),
            BaseDatabaseTables.divisionHistory(),
            BaseDatabaseTables.boundaries(),
            BaseDatabaseTables.pointDivisions())) {
      assertThat(
              DescribedSchemas.drift(
                  spark.table(GeospatialPipeline.table(described.table())).schema(), described))
          .isEmpty();
    }
  }

  @Test
  @Order(2)
  void writesTheCityBoundariesAsWellKnownText() {
    Dataset<Row> boundaries = spark.table(GeospatialPipeline.table("boundaries"));
    assertThat(boundaries.count()).isEqualTo(21);
    Row foshan = boundaries.filter("code = '440600'").first();
    assertThat(foshan.<String>getAs("name")).isEqualTo("佛山市");
    assertThat(foshan.<String>getAs("wkt")).startsWith("MULTIPOLYGON");
    // 佛山 covers about 3,800 km²
    assertThat(foshan.<Double>getAs("area_km2")).isBetween(3_400.0, 4_200.0);
  }

  @Test
  @Order(3)
  void assignsPointsToTheirTrueCity() {
    Dataset<Row> truth =
        spark
            .read()
            .option("header", "true")
            .csv(home.resolve("points/points_truth.csv").toString())
            .withColumnRenamed("division_code", "true_city");
    Dataset<Row> joined =
        spark.table(GeospatialPipeline.table("point_divisions")).join(truth, "id");
    long total = joined.count();
    long right = joined.filter("coalesce(city_code, '') = coalesce(true_city, '')").count();
    System.out.printf(
        "point assignment accuracy %.4f (%d of %d)%n", (double) right / total, right, total);
    assertThat(total).isEqualTo(2_000);
    assertThat((double) right / total).isGreaterThan(0.99);
    assertThat(joined.filter("method = 'address'").count()).isPositive();
  }

  @Test
  @Order(4)
  void keepsAQualityReportAndARunRecord() throws IOException {
    Path report = home.resolve("runs/geospatial-test-1/quality.json");
    JsonNode quality = new ObjectMapper().readTree(report.toFile());
    assertThat(quality.path("sources").path("points").path("rows").asLong()).isEqualTo(2_000);
    JsonNode coordinates =
        quality.path("sources").path("points").path("fields").path("coordinates");
    assertThat(coordinates.path("repaired").asLong()).isPositive(); // converted from WGS-84, BD-09
    assertThat(coordinates.path("missing").asLong()).isPositive(); // address-only rows
    assertThat(Files.readString(home.resolve("runs/geospatial-test-1/quality.html")))
        .contains("<svg");
    Row recorded =
        spark
            .sql(
                "SELECT status, details FROM "
                    + RunLog.table(GeospatialPipeline.NAMESPACE)
                    + " WHERE run_id = 'geospatial-test-1'")
            .first();
    assertThat(recorded.getString(0)).isEqualTo("SUCCEEDED");
    assertThat(recorded.getString(1)).contains("geospatial.point_divisions");
  }

  @Test
  @Order(5)
  void aPointsFileWithoutItsColumnsFailsTheRunAndChangesNoTable() throws IOException {
    Path bad = home.resolve("bad.csv");
    Files.writeString(bad, "id,x,y\n1,113.1,23.0\n");
    long before = RecordedRun.latestSnapshot(spark, GeospatialPipeline.table("divisions"));
    GeospatialPipeline pipeline = new GeospatialPipeline(spark, line -> {});
    assertThatThrownBy(
            () ->
                pipeline.run(
                    new GeospatialPipeline.Request(
                        Optional.of(bad), home.resolve("runs"), "geospatial-test-2")))
        .hasMessageContaining("bad.csv")
        .hasMessageContaining("[lon, lat, crs]");
    assertThat(RecordedRun.latestSnapshot(spark, GeospatialPipeline.table("divisions")))
        .isEqualTo(before);
    assertThat(
            spark
                .sql(
                    "SELECT status FROM "
                        + RunLog.table(GeospatialPipeline.NAMESPACE)
                        + " WHERE run_id = 'geospatial-test-2'")
                .first()
                .getString(0))
        .isEqualTo("FAILED");
  }

  @Test
  @Order(6)
  void aPointsFileInAnotherEncodingIsRefusedNamingTheEncoding() throws IOException {
    Path gbk = home.resolve("gbk.csv");
    Files.write(
        gbk,
        "id,lon,lat,crs,address\n1,,,,广东省佛山市南海区桂城街道1号\n"
            .getBytes(java.nio.charset.Charset.forName("GBK")));
    GeospatialPipeline pipeline = new GeospatialPipeline(spark, line -> {});
    assertThatThrownBy(
            () ->
                pipeline.run(
                    new GeospatialPipeline.Request(
                        Optional.of(gbk), home.resolve("runs"), "geospatial-test-3")))
        .hasMessageContaining("gbk.csv")
        .hasMessageContaining("UTF-8");
  }
}
