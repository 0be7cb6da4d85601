package cn.govdata.pipelines.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.pipelines.DescribedSchemas;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.PopulationGenerator;
import cn.govdata.pipelines.golden.BaseDatabasePipeline;
import cn.govdata.pipelines.ingest.SourceException;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.run.RunRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The population pipeline end to end on generated extracts, against a real Iceberg warehouse. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PopulationPipelineIT {

  private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

  @TempDir static Path home;
  static Path sources;
  static SparkSession spark;
  static PopulationGenerator.Summary summary;
  static RunRecord first;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.session();
    sources = home.resolve("sources");
    summary = new PopulationGenerator(20_251_126L, 1_500).write(sources, done -> {});
  }

  private static BaseDatabasePipeline.Request request(String runId, List<SourceMapping> mappings) {
    return new BaseDatabasePipeline.Request(
        sources,
        mappings,
        PopulationPipeline.defaultLinkConfig(),
        home.resolve("runs"),
        runId,
        TODAY);
  }

  @Test
  @Order(1)
  void runBuildsGoldenRecordsThatMatchTheTruth() {
    List<String> console = new ArrayList<>();
    first =
        new PopulationPipeline(spark, console::add)
            .run(request("run-1", PopulationPipeline.defaultMappings()));

    assertThat(first.succeeded()).isTrue();
    assertThat(console).anyMatch(line -> line.startsWith("[population 3/7] linking"));
    Dataset<Row> golden = spark.table(PopulationPipeline.table("golden_person"));
    long persons = golden.count();
    long people =
        spark
            .read()
            .option("header", "true")
            .csv(summary.truth().toString())
            .select("entity_id")
            .distinct()
            .count();
    assertThat(persons).isBetween((long) (people * 0.97), (long) (people * 1.05));

    // the records behind each person, against the generator's truth
    PairwiseEvaluation evaluation = PopulationPipeline.evaluate(spark, summary.truth());
    System.out.println("population pipeline: " + evaluation);
    assertThat(evaluation.precision()).isGreaterThan(0.95);
    assertThat(evaluation.recall()).isGreaterThan(0.93);
    Row sample = golden.filter("id_number IS NOT NULL AND record_count > 2").first();
    Map<String, String> provenance = sample.getJavaMap(sample.fieldIndex("provenance"));
    assertThat(provenance.get("name")).matches("[a-z_]+:[A-Z]{2}\\d{9}");
    assertThat(provenance.get("birth_date")).startsWith("id_number@");
    assertThat(sample.getString(sample.fieldIndex("birth_date")))
        .isEqualTo(
            sample.getString(sample.fieldIndex("id_number")).substring(6, 10)
                + "-"
                + sample.getString(sample.fieldIndex("id_number")).substring(10, 12)
                + "-"
                + sample.getString(sample.fieldIndex("id_number")).substring(12, 14));
  }

  @Test
  @Order(2)
  void goldenTableIsLaidOutAsItsDirectoryEntryDescribesIt() {
    // the gateway's policies are compiled from the description: a drifted column is unbound
    assertThat(
            DescribedSchemas.drift(
                spark.table(PopulationPipeline.table("golden_person")).schema(),
                BaseDatabaseTables.goldenPerson()))
        .isEmpty();
  }

  @Test
  @Order(2)
  void qualityReportCountsRepairsAndRejectionsByRule() throws IOException {
    Path runDirectory = home.resolve("runs/run-1");
    JsonNode report = new ObjectMapper().readTree(runDirectory.resolve("quality.json").toFile());
    JsonNode social = report.path("sources").path("social_insurance");
    assertThat(social.path("rows").asLong())
        .isEqualTo(summary.rows().get(PopulationGenerator.Department.SOCIAL_INSURANCE));
    JsonNode id = social.path("fields").path("id_number");
    assertThat(id.path("rules").path("identity-number.upgraded-15").asLong()).isPositive();
    assertThat(id.path("rules").path("identity-number.check-character").asLong()).isPositive();
    assertThat(id.path("completeness_after").asDouble())
        .isLessThan(id.path("completeness_before").asDouble());
    assertThat(id.path("uniqueness").asDouble()).isBetween(0.9, 1.0);
    // social insurance has no ethnicity column: not reported as 100 % missing
    assertThat(social.path("fields").has("ethnicity")).isFalse();
    long mismatches = 0;
    for (JsonNode source : report.path("sources")) {
      mismatches +=
          source.path("cross_checks").path("identity-number.birth-date-mismatch").asLong();
    }
    assertThat(mismatches).as("day and month swapped against the identity number").isPositive();
    assertThat(
            report
                .path("sources")
                .path("civil_affairs")
                .path("fields")
                .path("address")
                .path("consistency")
                .asDouble())
        .isBetween(0.3, 1.0);
    String html = Files.readString(runDirectory.resolve("quality.html"));
    assertThat(html)
        .contains("<svg")
        .contains("social_insurance")
        .contains("identity-number.upgraded-15");

    Path conflicts = runDirectory.resolve("conflicts/health.csv");
    assertThat(Files.readAllLines(conflicts).get(0))
        .isEqualTo("record_id,person_id,field,value,golden_value,golden_source");
    assertThat(Files.readAllLines(conflicts)).hasSizeGreaterThan(10);

    JsonNode run = new ObjectMapper().readTree(runDirectory.resolve("run.json").toFile());
    assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.path("inputs")).hasSize(5);
    assertThat(run.path("outputs").has("govdata.population.golden_person")).isTrue();
    assertThat(run.path("linkage").path("candidate_pairs_per_record").asDouble()).isLessThan(100);
  }

  @Test
  @Order(3)
  void failedRunCommitsNothingToTheGoldenTablesAndIsRecorded() {
    long goldenSnapshots = snapshots("golden_person");
    List<SourceMapping> mappings = new ArrayList<>(PopulationPipeline.defaultMappings());
    SourceMapping health = mappings.get(2);
    Map<String, String> columns = new HashMap<>(health.columns());
    columns.put("血型", "blood_type");
    mappings.set(
        2,
        new SourceMapping(
            health.source(),
            health.department(),
            health.file(),
            health.format(),
            health.encoding(),
            health.priority(),
            health.recordId(),
            health.updated(),
            columns,
            health.fieldPriority()));

    assertThatThrownBy(
            () -> new PopulationPipeline(spark, line -> {}).run(request("run-2", mappings)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("health")
        .hasMessageContaining("血型");

    assertThat(snapshots("golden_person")).isEqualTo(goldenSnapshots);
    Row failed = spark.table(PopulationPipeline.table("runs")).filter("run_id = 'run-2'").first();
    assertThat(failed.getString(failed.fieldIndex("status"))).isEqualTo("FAILED");
    assertThat(failed.getString(failed.fieldIndex("details"))).contains("血型");
  }

  @Test
  @Order(4)
  void aSecondRunKeepsTheFirstQueryableByTimeTravel() {
    long firstSnapshot =
        ((Number)
                ((Map<?, ?>) first.details().get("outputs"))
                    .get("govdata.population.golden_person"))
            .longValue();
    RunRecord second =
        new PopulationPipeline(spark, line -> {})
            .run(request("run-3", PopulationPipeline.defaultMappings()));
    assertThat(second.succeeded()).isTrue();
    assertThat(snapshots("golden_person")).isGreaterThanOrEqualTo(2);
    Dataset<Row> then =
        spark.sql(
            "SELECT run_id FROM "
                + PopulationPipeline.table("golden_person")
                + " VERSION AS OF "
                + firstSnapshot
                + " LIMIT 1");
    assertThat(then.first().getString(0)).isEqualTo("run-1");
    assertThat(
            spark
                .table(PopulationPipeline.table("golden_person"))
                .select("run_id")
                .first()
                .getString(0))
        .isEqualTo("run-3");
  }

  private static long snapshots(String table) {
    return spark.sql("SELECT * FROM " + PopulationPipeline.table(table) + ".snapshots").count();
  }
}
