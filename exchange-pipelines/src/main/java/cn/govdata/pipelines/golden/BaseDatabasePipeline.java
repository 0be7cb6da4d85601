package cn.govdata.pipelines.golden;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import cn.govdata.pipelines.ingest.RawLayer;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.link.LinkConfig;
import cn.govdata.pipelines.link.LinkResult;
import cn.govdata.pipelines.link.Linker;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.quality.QualityReport;
import cn.govdata.pipelines.run.PipelineRun;
import cn.govdata.pipelines.run.RunRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The steps every base database (基础数据库) built from department extracts shares: sources → raw tables
 * (one per source) → the standardised layer → linkage → golden records with provenance, conflict
 * reports per department, a quality report and a run record. What differs between the population
 * and the legal-entity database is a {@link Definition}. Every run commits new snapshots, so
 * earlier states stay queryable by time travel; the golden, link and conflict tables are written
 * last, so a run that fails before commits nothing to them.
 */
public final class BaseDatabasePipeline {

  private static final int STEPS = 7;

  /**
   * What makes one base database.
   *
   * @param namespace the Iceberg namespace, e.g. {@code population}
   * @param goldenTable the golden records' table, e.g. {@code golden_person}
   * @param entityLabel what the golden records are, plural, for counts (persons, entities)
   * @param identifier the field whose valid value gives an entity a stable id and whose uniqueness
   *     per source the quality report shows (identity number, organisation code)
   * @param standardiser raw rows (standard column names) and the day of the run → the standardised
   *     layer: source, record_id, rejected, updated, per field value / {@code _status} / {@code
   *     _rule}, and {@code cross_check}
   * @param survivorship how golden records and conflicts are built; its entity column names the id
   * @param derivedFields fields no column maps to, read from a mapped one (the organisation code
   *     inside the credit code column): derived field → the field it is read from
   */
  public record Definition(
      String namespace,
      String goldenTable,
      String entityLabel,
      String identifier,
      BiFunction<Dataset<Row>, LocalDate, Dataset<Row>> standardiser,
      Survivorship.Spec survivorship,
      Map<String, String> derivedFields) {
    public Definition {
      derivedFields = Map.copyOf(derivedFields);
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(goldenTable, "goldenTable");
      Objects.requireNonNull(entityLabel, "entityLabel");
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(standardiser, "standardiser");
      Objects.requireNonNull(survivorship, "survivorship");
    }
  }

  /**
   * One run's inputs.
   *
   * @param sources the directory holding the extracts (JDBC sources ignore it)
   * @param mappings one per source
   * @param linkConfig the linkage configuration
   * @param runsDirectory where the run's reports are kept ({@code <runsDirectory>/<runId>/})
   * @param runId unique id of the run
   * @param today the day dates are checked against
   */
  public record Request(
      Path sources,
      List<SourceMapping> mappings,
      LinkConfig linkConfig,
      Path runsDirectory,
      String runId,
      LocalDate today) {
    public Request {
      Objects.requireNonNull(sources, "sources");
      if (mappings == null || mappings.isEmpty()) {
        throw new IllegalArgumentException("at least one source mapping is required");
      }
      mappings = List.copyOf(mappings);
      Objects.requireNonNull(linkConfig, "linkConfig");
      Objects.requireNonNull(runsDirectory, "runsDirectory");
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(today, "today");
    }
  }

  private final SparkSession spark;
  private final Definition definition;
  private final PipelineRun run;

  public BaseDatabasePipeline(
      SparkSession spark, Definition definition, Consumer<String> progress) {
    this.spark = spark;
    this.definition = definition;
    this.run = new PipelineRun(spark, definition.namespace(), STEPS, progress);
  }

  /**
   * Pairwise precision, recall and F1 of the last run's {@code record_links} against a truth file
   * (source, record_id, entity_id), as the generators write it.
   */
  public static PairwiseEvaluation evaluate(
      SparkSession spark, Definition definition, Path truthFile) {
    Dataset<Row> truth = spark.read().option("header", "true").csv(truthFile.toString());
    Dataset<Row> links =
        spark
            .table(PipelineRun.table(definition.namespace(), "record_links"))
            .withColumnRenamed(definition.survivorship().entity(), "cluster_id");
    return PairwiseEvaluation.of(links, truth);
  }

  /**
   * Runs the pipeline. A failure is recorded as a FAILED run and rethrown; the golden, link and
   * conflict tables are then as they were before the run.
   */
  public RunRecord run(Request request) {
    Path runDirectory = request.runsDirectory().resolve(request.runId());
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      return run.run(
          request.runId(),
          runDirectory,
          details -> execute(request, runDirectory, details, persisted));
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  /** Per source, the fields its mapping provides, directly or derived from a mapped field. */
  private Map<String, Set<String>> reportedFields(List<SourceMapping> mappings) {
    Map<String, Set<String>> reported = new LinkedHashMap<>();
    SourceMapping.fieldsBySource(mappings)
        .forEach(
            (source, fields) -> {
              Set<String> all = new HashSet<>(fields);
              definition
                  .derivedFields()
                  .forEach(
                      (derived, from) -> {
                        if (fields.contains(from)) {
                          all.add(derived);
                        }
                      });
              reported.put(source, all);
            });
    return reported;
  }

  private void execute(
      Request request,
      Path runDirectory,
      Map<String, Object> details,
      List<Dataset<Row>> persisted) {
    String entity = definition.survivorship().entity();
    List<String> fields = definition.survivorship().fields();
    RawLayer raw =
        RawLayer.ingest(spark, run, 1, request.sources(), request.mappings(), request.runId());
    details.put("inputs", raw.inputs());
    Map<String, Object> outputs = new LinkedHashMap<>(raw.snapshots());

    run.step(2, "standardising");
    Dataset<Row> standardised =
        Survivorship.withPriorities(
            definition.standardiser().apply(raw.rows(), request.today()),
            fields,
            request.mappings());
    String standardisedTable = run.table("standardised");
    outputs.put(
        standardisedTable,
        run.replace(standardised.withColumn("run_id", lit(request.runId())), standardisedTable));
    Dataset<Row> usable = spark.table(standardisedTable).filter(col("rejected").isNull());

    run.step(3, "linking records across departments");
    Linker linker = new Linker(spark, request.linkConfig(), run::detail);
    LinkResult result = linker.link(linker.prepare(usable, request.today()));
    LinkResult.Statistics statistics = result.statistics();
    details.put("linkage", statistics.asMap());

    run.step(4, "building golden records");
    Dataset<Row> clustered =
        usable.join(
            result.clusters().drop(Linker.RECORD_NUMBER),
            scala.collection.JavaConverters.asScalaBuffer(List.of("source", "record_id")).toSeq());
    Dataset<Row> ids =
        clustered
            .groupBy("cluster_id")
            .agg(
                min(col(definition.identifier())).as("any_identifier"),
                min(concat(col("source"), lit(":"), col("record_id"))).as("first_record"))
            .select(
                col("cluster_id"),
                substring(sha2(coalesce(col("any_identifier"), col("first_record")), 256), 1, 20)
                    .as(entity));
    Dataset<Row> linked = clustered.join(ids, "cluster_id").drop("cluster_id");
    linked.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(linked);
    Dataset<Row> golden = Survivorship.golden(linked, definition.survivorship());
    golden.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(golden);
    long entities = golden.count();
    long linkedRecords = linked.count();
    if (linkedRecords != usable.count()) {
      throw new IllegalStateException(
          "linkage lost records: " + linkedRecords + " linked of " + usable.count());
    }
    Dataset<Row> conflicts = Survivorship.conflicts(linked, golden, definition.survivorship());
    conflicts.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(conflicts);
    long conflictCount = conflicts.count();

    run.step(5, "writing the quality and conflict reports");
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("run_id", request.runId());
    header.put("pipeline", definition.namespace());
    header.put(definition.entityLabel(), entities);
    header.put("records", statistics.records());
    header.put("candidate_pairs_per_record", statistics.candidatePairsPerRecord());
    header.put("conflicts", conflictCount);
    QualityReport.compute(
            spark.table(standardisedTable),
            fields,
            definition.identifier(),
            conflicts,
            reportedFields(request.mappings()),
            header)
        .write(runDirectory);
    Map<String, Object> conflictFiles =
        ConflictReports.write(
            conflicts, entity, request.mappings(), runDirectory.resolve("conflicts"));
    details.put(
        "reports",
        Map.of(
            "quality_json", runDirectory.resolve("quality.json").toString(),
            "quality_html", runDirectory.resolve("quality.html").toString(),
            "conflicts", conflictFiles));

    // golden tables last: everything before this line may fail without touching them
    run.step(
        6,
        String.format("committing %,d golden records and %,d conflicts", entities, conflictCount));
    String runId = request.runId();
    String goldenTable = run.table(definition.goldenTable());
    String linkTable = run.table("record_links");
    String conflictTable = run.table("conflicts");
    outputs.put(goldenTable, run.replace(golden.withColumn("run_id", lit(runId)), goldenTable));
    outputs.put(
        linkTable,
        run.replace(
            linked.select(entity, "source", "record_id").withColumn("run_id", lit(runId)),
            linkTable));
    outputs.put(
        conflictTable, run.replace(conflicts.withColumn("run_id", lit(runId)), conflictTable));
    details.put("outputs", outputs);
    details.put(definition.entityLabel(), entities);
    details.put("conflicts", conflictCount);
  }
}
