package cn.govdata.pipelines.legalentity;

import static org.apache.spark.sql.functions.udf;

import cn.govdata.pipelines.cleanse.Text;
import cn.govdata.pipelines.golden.BaseDatabasePipeline;
import cn.govdata.pipelines.golden.Survivorship;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.link.LinkConfig;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.run.PipelineRun;
import cn.govdata.pipelines.run.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The legal-entity base database (法人基础库) in the namespace {@code legal_entity}: registers of market
 * regulation (市场监管), tax (税务), social organisations (民政) and public institutions (事业单位) linked on
 * the organisation key — credit code, legacy organisation code, registration number — and by name,
 * representative and address where the key is missing, into {@code golden_entity} with
 * per-attribute provenance and conflict reports per department.
 */
public final class LegalEntityPipeline {

  public static final String NAMESPACE = "legal_entity";

  private final BaseDatabasePipeline pipeline;

  public LegalEntityPipeline(SparkSession spark, Consumer<String> progress) {
    this.pipeline = new BaseDatabasePipeline(spark, definition(), progress);
  }

  public static BaseDatabasePipeline.Definition definition() {
    // a name written in traditional script or with other spacing is the same name
    UserDefinedFunction key = udf((UDF1<String, String>) Text::matchKey, DataTypes.StringType);
    return new BaseDatabasePipeline.Definition(
        NAMESPACE,
        "golden_entity",
        "entities",
        "organisation_code",
        LegalEntityStandardiser::standardise,
        new Survivorship.Spec(
            "entity_id",
            LegalEntityStandardiser.FIELDS,
            Map.of("address", "division_code"),
            Map.of(),
            List.of(Survivorship.best("address").getField("division_code").as("division_code")),
            Map.of("name", key, "representative", key)),
        LegalEntityStandardiser.DERIVED);
  }

  public static String table(String name) {
    return PipelineRun.table(NAMESPACE, name);
  }

  /** The four registers' mappings shipped with the pipeline, matching the generator's files. */
  public static List<SourceMapping> defaultMappings() {
    return SourceMapping.readResources(
        "/cn/govdata/pipelines/mappings/legal_entity",
        List.of("market_regulation", "tax", "social_organisations", "public_institutions"));
  }

  public static LinkConfig defaultLinkConfig() {
    return LinkConfig.readResource("/cn/govdata/pipelines/link/legal_entity.yaml");
  }

  /** Pairwise precision, recall and F1 of the last run's {@code record_links} against a truth. */
  public static PairwiseEvaluation evaluate(SparkSession spark, Path truthFile) {
    return BaseDatabasePipeline.evaluate(spark, definition(), truthFile);
  }

  /** Runs the pipeline; a failure is recorded and rethrown, the golden tables left unchanged. */
  public RunRecord run(BaseDatabasePipeline.Request request) {
    return pipeline.run(request);
  }
}
