package cn.govdata.pipelines.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.pipelines.DescribedSchemas;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.MacroeconomicGenerator;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.run.RecordedRun;
import cn.govdata.pipelines.run.RunLog;
import cn.govdata.pipelines.run.RunRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macroeconomic pipeline end to end on generated extracts: values against the generator's truth
 * (exact), outlier and reconciliation flags against the injected problems (precision and recall
 * printed and bounded).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MacroeconomicPipelineIT {

  @TempDir static Path home;
  static Path sources;
  static SparkSession spark;
  static MacroeconomicGenerator.Summary summary;
  static RunRecord run;

  @BeforeAll
  static void runPipeline() {
    spark = SharedSpark.session();
    sources = home.resolve("sources");
    summary = new MacroeconomicGenerator(20_251_126L, 2021, 2024).write(sources);
    run =
        new MacroeconomicPipeline(spark, line -> {})
            .run(MacroeconomicPipeline.Request.defaults(sources, home.resolve("runs"), "macro-1"));
  }

  private static Set<String> truthFlags(String kind) {
    Set<String> keys = new HashSet<>();
    for (Row row :
        spark
            .read()
            .option("header", "true")
            .csv(sources.resolve("truth_flags.csv").toString())
            .filter("kind = '" + kind + "'")
            .collectAsList()) {
      keys.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3));
    }
    return keys;
  }

  private static Set<String> keys(String query) {
    Set<String> keys = new HashSet<>();
    for (Row row : spark.sql(query).collectAsList()) {
      keys.add(row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2));
    }
    return keys;
  }

  private static double[] precisionRecall(String what, Set<String> flagged, Set<String> truth) {
    Set<String> right = new HashSet<>(flagged);
    right.retainAll(truth);
    double precision = flagged.isEmpty() ? 1 : (double) right.size() / flagged.size();
    double recall = truth.isEmpty() ? 1 : (double) right.size() / truth.size();
    System.out.printf(
        "%s: %d flagged, %d true, precision %.3f, recall %.3f%n",
        what, flagged.size(), truth.size(), precision, recall);
    return new double[] {precision, recall};
  }

  @Test
  @Order(1)
  void everyPublishedValueComesOutExactlyInTheIndicatorsUnitAsCurrentPeriod() {
    assertThat(run.succeeded()).isTrue();
    Map<String, BigDecimal> standardised = new HashMap<>();
    for (Row row :
        spark
            .sql(
                "SELECT indicator_code, region_code, period, value_current FROM "
                    + MacroeconomicPipeline.table("observations"))
            .collectAsList()) {
      standardised.put(
          row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2), row.getDecimal(3));
    }
    List<Row> truth =
        spark
            .read()
            .option("header", "true")
            .csv(sources.resolve("truth_values.csv").toString())
            .collectAsList();
    int exact = 0;
    for (Row row : truth) {
      BigDecimal value =
          standardised.get(row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2));
      if (value != null && value.compareTo(new BigDecimal(row.getString(3))) == 0) {
        exact++;
      }
    }
    System.out.printf("values exact: %d of %d%n", exact, truth.size());
    assertThat(truth).hasSizeGreaterThan(4_000);
    assertThat(exact).isEqualTo(truth.size());
  }

  @Test
  @Order(1)
  void observationsAreLaidOutAsTheirDirectoryEntryDescribesThem() {
    // the gateway's policies are compiled from the description: a drifted column is unbound
    assertThat(
            DescribedSchemas.drift(
                spark.table(MacroeconomicPipeline.table("observations")).schema(),
                BaseDatabaseTables.observations()))
        .isEmpty();
  }

  @Test
  @Order(2)
  void outlierFlagsAreMeasuredAgainstTheInjectedOutliers() {
    Set<String> truth = truthFlags("outlier");
    assertThat(truth).hasSize(summary.outliers());
    double[] pr =
        precisionRecall(
            "outliers",
            keys(
                "SELECT indicator_code, region_code, period FROM "
                    + MacroeconomicPipeline.table("outliers")),
            truth);
    assertThat(pr[0]).isGreaterThanOrEqualTo(0.9);
    assertThat(pr[1]).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  @Order(3)
  void reconciliationFlagsAreMeasuredAgainstTheInjectedGapsAndOutliers() {
    Set<String> truth = truthFlags("reconciliation");
    double[] pr =
        precisionRecall(
            "reconciliation",
            keys(
                "SELECT indicator_code, city_code, period FROM "
                    + MacroeconomicPipeline.table("reconciliation")
                    + " WHERE flagged"),
            truth);
    assertThat(pr[0]).isGreaterThanOrEqualTo(0.95);
    assertThat(pr[1]).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  @Order(4)
  void keepsAQualityReportAndARunRecord() throws IOException {
    JsonNode quality =
        new ObjectMapper().readTree(home.resolve("runs/macro-1/quality.json").toFile());
    JsonNode finance = quality.path("sources").path("finance");
    assertThat(finance.path("rejected_rows").path("value.missing").asLong()).isPositive();
    assertThat(finance.path("fields").path("unit").path("rules").path("unit.converted").asLong())
        .isPositive();
    assertThat(quality.path("outliers_flagged").asLong()).isPositive();
    Row recorded =
        spark
            .sql(
                "SELECT status, details FROM "
                    + RunLog.table(MacroeconomicPipeline.NAMESPACE)
                    + " WHERE run_id = 'macro-1'")
            .first();
    assertThat(recorded.getString(0)).isEqualTo("SUCCEEDED");
    assertThat(recorded.getString(1)).contains("macroeconomic.observations");
  }

  @Test
  @Order(5)
  void aSourceMissingAMappedColumnFailsTheRunAndLeavesTheObservationsAsTheyWere() {
    long before = RecordedRun.latestSnapshot(spark, MacroeconomicPipeline.table("observations"));
    List<SourceMapping> mappings = MacroeconomicPipeline.defaultMappings();
    SourceMapping finance = mappings.get(2);
    Map<String, String> columns = new HashMap<>(finance.columns());
    columns.put("本期发生额", "value");
    columns.remove("本期数");
    SourceMapping broken =
        new SourceMapping(
            finance.source(),
            finance.department(),
            finance.file(),
            finance.format(),
            finance.encoding(),
            finance.priority(),
            finance.recordId(),
            finance.updated(),
            columns,
            finance.fieldPriority());
    MacroeconomicPipeline.Request defaults =
        MacroeconomicPipeline.Request.defaults(sources, home.resolve("runs"), "macro-2");
    MacroeconomicPipeline.Request request =
        new MacroeconomicPipeline.Request(
            sources,
            List.of(mappings.get(0), mappings.get(1), broken),
            defaults.catalogue(),
            defaults.provinceCode(),
            defaults.tolerance(),
            defaults.outlierThreshold(),
            defaults.runsDirectory(),
            defaults.runId());

    assertThatThrownBy(() -> new MacroeconomicPipeline(spark, line -> {}).run(request))
        .hasMessageContaining("finance")
        .hasMessageContaining("本期发生额");
    assertThat(RecordedRun.latestSnapshot(spark, MacroeconomicPipeline.table("observations")))
        .isEqualTo(before);
  }
}
