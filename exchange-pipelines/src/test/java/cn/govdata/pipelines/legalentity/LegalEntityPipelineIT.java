package cn.govdata.pipelines.legalentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.basedatabase.BaseDatabaseTables;
import cn.govdata.pipelines.DescribedSchemas;
import cn.govdata.pipelines.SharedSpark;
import cn.govdata.pipelines.generate.EntityGenerator;
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

/** The legal-entity pipeline end to end on the four generated registers, in a real warehouse. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegalEntityPipelineIT {

  private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

  @TempDir static Path home;
  static Path sources;
  static SparkSession spark;
  static Map<EntityGenerator.Register, Long> rows;

  @BeforeAll
  static void generate() {
    spark = SharedSpark.session();
    sources = home.resolve("sources");
    rows = new EntityGenerator(20_251_126L, 1_500).write(sources, done -> {});
  }

  private static BaseDatabasePipeline.Request request(String runId, List<SourceMapping> mappings) {
    return new BaseDatabasePipeline.Request(
        sources,
        mappings,
        LegalEntityPipeline.defaultLinkConfig(),
        home.resolve("runs"),
        runId,
        TODAY);
  }

  @Test
  @Order(1)
  void runBuildsGoldenEntitiesThatMatchTheTruth() {
    List<String> console = new ArrayList<>();
    RunRecord run =
        new LegalEntityPipeline(spark, console::add)
            .run(request("run-1", LegalEntityPipeline.defaultMappings()));

    assertThat(run.succeeded()).isTrue();
    assertThat(console).anyMatch(line -> line.startsWith("[legal_entity 3/7] linking"));
    Path truth = sources.resolve("truth.csv");
    long entities =
        spark
            .read()
            .option("header", "true")
            .csv(truth.toString())
            .select("entity_id")
            .distinct()
            .count();
    Dataset<Row> golden = spark.table(LegalEntityPipeline.table("golden_entity"));
    assertThat(golden.count()).isBetween((long) (entities * 0.97), (long) (entities * 1.05));

    PairwiseEvaluation evaluation = LegalEntityPipeline.evaluate(spark, truth);
    System.out.println("legal-entity pipeline: " + evaluation);
    assertThat(evaluation.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(evaluation.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(evaluation.f1()).isGreaterThanOrEqualTo(0.95);

    // an entity known to the tax office and its own register: every attribute says where it is from
    Row sample =
        golden
            .filter(
                "credit_code IS NOT NULL AND array_contains(sources, 'tax') AND size(sources) = 2")
            .first();
    Map<String, String> provenance = sample.getJavaMap(sample.fieldIndex("provenance"));
    assertThat(provenance.get("name")).matches("[a-z_]+:[A-Z]{2}\\d{9}");
    assertThat(provenance.get("credit_code")).matches("[a-z_]+:[A-Z]{2}\\d{9}");
    assertThat(sample.getString(sample.fieldIndex("organisation_code")))
        .isEqualTo(sample.getString(sample.fieldIndex("credit_code")).substring(8, 17));
    assertThat(sample.getString(sample.fieldIndex("division_code"))).matches("44\\d{4}");
  }

  @Test
  @Order(2)
  void goldenTableIsLaidOutAsItsDirectoryEntryDescribesIt() {
    // the gateway's policies are compiled from the description: a drifted column is unbound
    assertThat(
            DescribedSchemas.drift(
                spark.table(LegalEntityPipeline.table("golden_entity")).schema(),
                BaseDatabaseTables.goldenEntity()))
        .isEmpty();
  }

  @Test
  @Order(2)
  void reportsCountIdentifierRepairsAndSendConflictsBackToEachDepartment() throws IOException {
    Path runDirectory = home.resolve("runs/run-1");
    JsonNode report = new ObjectMapper().readTree(runDirectory.resolve("quality.json").toFile());
    JsonNode tax = report.path("sources").path("tax");
    assertThat(tax.path("rows").asLong()).isEqualTo(rows.get(EntityGenerator.Register.TAX));
    JsonNode organisationCode = tax.path("fields").path("organisation_code");
    assertThat(organisationCode.path("rules").path("organisation-code.from-tax-number").asLong())
        .isPositive();
    JsonNode creditCode = tax.path("fields").path("credit_code");
    assertThat(creditCode.path("rejected").asLong()).as("mistyped credit codes").isPositive();
    assertThat(creditCode.path("completeness_after").asDouble())
        .isLessThan(organisationCode.path("completeness_after").asDouble());
    assertThat(tax.path("fields").has("registration_number")).isFalse();
    JsonNode market = report.path("sources").path("market_regulation");
    assertThat(market.path("fields").path("registration_number").path("valid").asLong())
        .isPositive();
    assertThat(market.path("fields").path("founded").path("validity_after").asDouble())
        .isEqualTo(1.0);
    assertThat(Files.readString(runDirectory.resolve("quality.html")))
        .contains("<svg")
        .contains("organisation-code.from-tax-number");

    for (String source :
        List.of("market_regulation", "tax", "social_organisations", "public_institutions")) {
      assertThat(Files.readAllLines(runDirectory.resolve("conflicts/" + source + ".csv")).get(0))
          .isEqualTo("record_id,entity_id,field,value,golden_value,golden_source");
    }
    // the tax office writes names without the city or with another legal form: its records say so
    List<String> taxConflicts = Files.readAllLines(runDirectory.resolve("conflicts/tax.csv"));
    assertThat(taxConflicts)
        .anyMatch(line -> line.startsWith("TA") && line.contains(",name,"))
        .allMatch(line -> line.startsWith("record_id,") || line.startsWith("TA"));
    Row conflict =
        spark
            .table(LegalEntityPipeline.table("conflicts"))
            .filter("source = 'tax' AND field = 'name'")
            .first();
    assertThat(conflict.getString(conflict.fieldIndex("value")))
        .isNotEqualTo(conflict.getString(conflict.fieldIndex("golden_value")));
    assertThat(conflict.getString(conflict.fieldIndex("golden_source"))).doesNotStartWith("tax:");

    JsonNode run = new ObjectMapper().readTree(runDirectory.resolve("run.json").toFile());
    assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.path("inputs")).hasSize(4);
    assertThat(run.path("outputs").has("govdata.legal_entity.golden_entity")).isTrue();
    assertThat(run.path("outputs").has("govdata.legal_entity.raw_tax")).isTrue();
    assertThat(run.path("linkage").path("deterministic_pairs").asLong()).isPositive();
    assertThat(run.path("linkage").path("candidate_pairs_per_record").asDouble()).isLessThan(100);
  }

  @Test
  @Order(3)
  void failedRunCommitsNothingToTheGoldenTablesAndIsRecorded() {
    long goldenSnapshots = snapshots("golden_entity");
    long standardisedSnapshots = snapshots("standardised");
    List<SourceMapping> mappings = new ArrayList<>(LegalEntityPipeline.defaultMappings());
    SourceMapping tax = mappings.get(1);
    Map<String, String> columns = new HashMap<>(tax.columns());
    columns.put("开户银行", "bank");
    mappings.set(
        1,
        new SourceMapping(
            tax.source(),
            tax.department(),
            tax.file(),
            tax.format(),
            tax.encoding(),
            tax.priority(),
            tax.recordId(),
            tax.updated(),
            columns,
            tax.fieldPriority()));

    assertThatThrownBy(
            () -> new LegalEntityPipeline(spark, line -> {}).run(request("run-2", mappings)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("tax")
        .hasMessageContaining("开户银行");

    assertThat(snapshots("golden_entity")).isEqualTo(goldenSnapshots);
    assertThat(snapshots("standardised")).isEqualTo(standardisedSnapshots);
    Row failed = spark.table(LegalEntityPipeline.table("runs")).filter("run_id = 'run-2'").first();
    assertThat(failed.getString(failed.fieldIndex("status"))).isEqualTo("FAILED");
    assertThat(failed.getString(failed.fieldIndex("details"))).contains("开户银行");
  }

  private static long snapshots(String table) {
    return spark.sql("SELECT * FROM " + LegalEntityPipeline.table(table) + ".snapshots").count();
  }
}
