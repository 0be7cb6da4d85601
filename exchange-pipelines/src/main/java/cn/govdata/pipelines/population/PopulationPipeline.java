package cn.govdata.pipelines.population;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import cn.govdata.pipelines.cleanse.Text;
import cn.govdata.pipelines.golden.BaseDatabasePipeline;
import cn.govdata.pipelines.golden.Survivorship;
import cn.govdata.pipelines.golden.Survivorship.Attribute;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.link.LinkConfig;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.run.PipelineRun;
import cn.govdata.pipelines.run.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The population base database (人口基础库) in the namespace {@code population}: the shared {@link
 * BaseDatabasePipeline} with the person's fields, identity numbers as the stable key, and golden
 * records (标准人口信息) whose birth date and sex come from a valid identity number when the person has
 * one: the number is the more reliable witness.
 */
public final class PopulationPipeline {

  public static final String NAMESPACE = "population";

  private final BaseDatabasePipeline pipeline;

  public PopulationPipeline(SparkSession spark, Consumer<String> progress) {
    this.pipeline = new BaseDatabasePipeline(spark, definition(), progress);
  }

  public static BaseDatabasePipeline.Definition definition() {
    Column id = Survivorship.best("id_number").getField("value");
    Column idBirth =
        concat(substring(id, 7, 4), lit("-"), substring(id, 11, 2), lit("-"), substring(id, 13, 2));
    Column idSex =
        when(substring(id, 17, 1).cast("int").mod(2).equalTo(1), lit("M")).otherwise(lit("F"));
    Column idOrigin = concat(lit("id_number@"), Survivorship.best("id_number").getField("source"));
    UserDefinedFunction nameKey = udf((UDF1<String, String>) Text::matchKey, DataTypes.StringType);
    return new BaseDatabasePipeline.Definition(
        NAMESPACE,
        "golden_person",
        "persons",
        "id_number",
        PopulationStandardiser::standardise,
        new Survivorship.Spec(
            "person_id",
            PopulationStandardiser.FIELDS,
            Map.of("address", "division_code"),
            Map.of(
                "birth_date", derived(id, idBirth, "birth_date", idOrigin),
                "sex", derived(id, idSex, "sex", idOrigin)),
            List.of(Survivorship.best("address").getField("division_code").as("division_code")),
            Map.of("name", nameKey, "former_name", nameKey)),
        Map.of());
  }

  private static Attribute derived(Column id, Column fromId, String field, Column idOrigin) {
    return new Attribute(
        when(id.isNotNull(), fromId).otherwise(Survivorship.best(field).getField("value")),
        when(id.isNotNull(), idOrigin).otherwise(Survivorship.origin(field)));
  }

  public static String table(String name) {
    return PipelineRun.table(NAMESPACE, name);
  }

  /** The five departments' mappings shipped with the pipeline, matching the generator's files. */
  public static List<SourceMapping> defaultMappings() {
    return SourceMapping.readResources(
        "/cn/govdata/pipelines/mappings/population",
        List.of("police_household", "social_insurance", "health", "education", "civil_affairs"));
  }

  /** Every {@code *.yaml} mapping in a directory, sorted by file name. */
  public static List<SourceMapping> mappingsIn(Path directory) {
    return SourceMapping.readAll(directory);
  }

  public static LinkConfig defaultLinkConfig() {
    return LinkConfig.readResource("/cn/govdata/pipelines/link/population.yaml");
  }

  /**
   * Pairwise precision, recall and F1 of the last run's {@code record_links} against a truth file
   * (source, record_id, entity_id), as the generator writes it.
   */
  public static PairwiseEvaluation evaluate(SparkSession spark, Path truthFile) {
    return BaseDatabasePipeline.evaluate(spark, definition(), truthFile);
  }

  /**
   * Runs the pipeline. A failure is recorded as a FAILED run and rethrown; the golden and conflict
   * tables are then as they were before the run.
   */
  public RunRecord run(BaseDatabasePipeline.Request request) {
    return pipeline.run(request);
  }
}
