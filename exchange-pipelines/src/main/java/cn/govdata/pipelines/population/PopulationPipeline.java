package cn.govdata.pipelines.population;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import cn.govdata.pipelines.SparkSessions;
import cn.govdata.pipelines.ingest.SourceMapping;
import cn.govdata.pipelines.ingest.SourceReader;
import cn.govdata.pipelines.link.LinkConfig;
import cn.govdata.pipelines.link.LinkResult;
import cn.govdata.pipelines.link.Linker;
import cn.govdata.pipelines.link.PairwiseEvaluation;
import cn.govdata.pipelines.quality.QualityReport;
import cn.govdata.pipelines.run.RunLog;
import cn.govdata.pipelines.run.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The population base database (人口基础库): department extracts → raw tables (one per source) → the
 * standardised layer → linkage → golden records with provenance, conflict reports per department, a
 * quality report and a run record. Tables are Iceberg tables in the namespace {@code population};
 * every run commits new snapshots, so earlier states stay queryable by time travel. The golden and
 * conflict tables are written last: a run that fails before commits nothing to them.
 */
public final class PopulationPipeline {

  public static final String NAMESPACE = "population";
  public static final List<String> NAMESPACES =
      List.of("population", "legal_entity", "geospatial", "macroeconomic");
  private static final int STEPS = 7;

  /**
   * One run's inputs.
   *
   * @param sources the directory holding the extracts
   * @param mappings one per source
   * @param linkConfig the linkage configuration
   * @param runsDirectory where the run's reports are kept ({@code <runsDirectory>/<runId>/})
   * @param runId unique id of the run
   * @param today the day identity numbers' birth dates are checked against
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
  private final Consumer<String> progress;

  public PopulationPipeline(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public static String table(String name) {
    return SparkSessions.CATALOG + "." + NAMESPACE + "." + name;
  }

  /** The five departments' mappings shipped with the pipeline, matching the generator's files. */
  public static List<SourceMapping> defaultMappings() {
    List<SourceMapping> mappings = new ArrayList<>();
    for (String source :
        List.of("police_household", "social_insurance", "health", "education", "civil_affairs")) {
      String resource = "/cn/govdata/pipelines/mappings/population/" + source + ".yaml";
      try (InputStream in = PopulationPipeline.class.getResourceAsStream(resource)) {
        mappings.add(SourceMapping.read(in, resource));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mappings;
  }

  /** Every {@code *.yaml} mapping in a directory, sorted by file name. */
  public static List<SourceMapping> mappingsIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(SourceMapping::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LinkConfig defaultLinkConfig() {
    try (InputStream in =
        PopulationPipeline.class.getResourceAsStream(
            "/cn/govdata/pipelines/link/population.yaml")) {
      return LinkConfig.read(in, "population.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pairwise precision, recall and F1 of the last run's {@code record_links} against a truth file
   * (source, record_id, entity_id), as the generator writes it.
   */
  public static PairwiseEvaluation evaluate(SparkSession spark, Path truthFile) {
    Dataset<Row> truth = spark.read().option("header", "true").csv(truthFile.toString());
    Dataset<Row> links =
        spark.table(table("record_links")).withColumnRenamed("person_id", "cluster_id");
    return PairwiseEvaluation.of(links, truth);
  }

  public static void createNamespaces(SparkSession spark) {
    for (String namespace : NAMESPACES) {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkSessions.CATALOG + "." + namespace);
    }
  }

  /**
   * Runs the pipeline. A failure is recorded as a FAILED run and rethrown; the golden and conflict
   * tables are then as they were before the run.
   */
  public RunRecord run(Request request) {
    Instant started = Instant.now();
    Path runDirectory = request.runsDirectory().resolve(request.runId());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_directory", runDirectory.toString());
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      createNamespaces(spark);
      execute(request, runDirectory, details, persisted);
      RunRecord run =
          new RunRecord(request.runId(), NAMESPACE, "SUCCEEDED", started, Instant.now(), details);
      new RunLog(spark).record(NAMESPACE, run, runDirectory);
      step(
          7,
          String.format(
              "done in %.1f s", Duration.between(started, run.finished()).toMillis() / 1000.0));
      return run;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      RunRecord run =
          new RunRecord(request.runId(), NAMESPACE, "FAILED", started, Instant.now(), details);
      progress.accept("[population] FAILED: " + e.getMessage() + " — golden tables unchanged");
      new RunLog(spark).record(NAMESPACE, run, runDirectory);
      throw e;
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private void step(int number, String message) {
    progress.accept(String.format("[population %d/%d] %s", number, STEPS, message));
  }

  private void execute(
      Request request,
      Path runDirectory,
      Map<String, Object> details,
      List<Dataset<Row>> persisted) {
    SourceReader reader = new SourceReader(spark);
    List<Map<String, Object>> inputs = new ArrayList<>();
    Map<String, Object> outputs = new LinkedHashMap<>();
    Dataset<Row> raw = null;
    for (SourceMapping mapping : request.mappings()) {
      step(1, "reading " + mapping.file() + " (" + mapping.department() + ")");
      Dataset<Row> rows = reader.read(request.sources(), mapping);
      String table = table("raw_" + mapping.source());
      replace(rows.withColumn("run_id", lit(request.runId())), table);
      long count = spark.table(table).count();
      long rejected = spark.table(table).filter(col("rejected").isNotNull()).count();
      inputs.add(
          Map.of(
              "source", mapping.source(),
              "department", mapping.department(),
              "file", request.sources().resolve(mapping.file()).toString(),
              "format", mapping.format(),
              "rows", count,
              "rejected_rows", rejected));
      outputs.put(table, snapshot(table));
      Dataset<Row> fromTable = spark.table(table).drop("run_id");
      raw = raw == null ? fromTable : raw.unionByName(fromTable, true);
      progress.accept(String.format("    %,d rows, %,d rejected", count, rejected));
    }
    details.put("inputs", inputs);

    step(2, "standardising");
    Dataset<Row> standardised =
        withPriorities(
            PopulationStandardiser.standardise(raw, request.today()), request.mappings());
    String standardisedTable = table("standardised");
    replace(standardised.withColumn("run_id", lit(request.runId())), standardisedTable);
    outputs.put(standardisedTable, snapshot(standardisedTable));
    Dataset<Row> usable = spark.table(standardisedTable).filter(col("rejected").isNull());

    step(3, "linking records across departments");
    Linker linker = new Linker(spark, request.linkConfig(), line -> progress.accept("    " + line));
    LinkResult result = linker.link(linker.prepare(usable, request.today()));
    LinkResult.Statistics statistics = result.statistics();
    details.put("linkage", linkage(statistics));

    step(4, "building golden records");
    Dataset<Row> clustered =
        usable.join(
            result.clusters().drop(Linker.RECORD_NUMBER),
            scala.collection.JavaConverters.asScalaBuffer(List.of("source", "record_id")).toSeq());
    Dataset<Row> personIds =
        clustered
            .groupBy("cluster_id")
            .agg(
                min(col("id_number")).as("any_id"),
                min(concat(col("source"), lit(":"), col("record_id"))).as("first_record"))
            .select(
                col("cluster_id"),
                substring(sha2(coalesce(col("any_id"), col("first_record")), 256), 1, 20)
                    .as("person_id"));
    Dataset<Row> linked = clustered.join(personIds, "cluster_id").drop("cluster_id");
    linked.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(linked);
    Dataset<Row> golden = Survivorship.golden(linked);
    golden.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(golden);
    long persons = golden.count();
    long linkedRecords = linked.count();
    if (linkedRecords != usable.count()) {
      throw new IllegalStateException(
          "linkage lost records: " + linkedRecords + " linked of " + usable.count());
    }
    Dataset<Row> conflicts = Survivorship.conflicts(linked, golden);
    conflicts.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(conflicts);
    long conflictCount = conflicts.count();

    step(5, "writing the quality and conflict reports");
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("run_id", request.runId());
    header.put("pipeline", NAMESPACE);
    header.put("persons", persons);
    header.put("records", statistics.records());
    header.put("candidate_pairs_per_record", statistics.candidatePairsPerRecord());
    header.put("conflicts", conflictCount);
    QualityReport report =
        QualityReport.compute(
            spark.table(standardisedTable),
            PopulationStandardiser.FIELDS,
            "id_number",
            conflicts,
            mappedFields(request.mappings()),
            header);
    report.write(runDirectory);
    Map<String, Object> conflictFiles =
        writeConflicts(conflicts, request.mappings(), runDirectory.resolve("conflicts"));
    details.put(
        "reports",
        Map.of(
            "quality_json", runDirectory.resolve("quality.json").toString(),
            "quality_html", runDirectory.resolve("quality.html").toString(),
            "conflicts", conflictFiles));

    // golden tables last: everything before this line may fail without touching them
    step(
        6,
        String.format("committing %,d golden records and %,d conflicts", persons, conflictCount));
    String goldenTable = table("golden_person");
    String linkTable = table("record_links");
    String conflictTable = table("conflicts");
    replace(golden.withColumn("run_id", lit(request.runId())), goldenTable);
    replace(
        linked
            .select("person_id", "source", "record_id")
            .withColumn("run_id", lit(request.runId())),
        linkTable);
    replace(conflicts.withColumn("run_id", lit(request.runId())), conflictTable);
    for (String table : List.of(goldenTable, linkTable, conflictTable)) {
      outputs.put(table, snapshot(table));
    }
    details.put("outputs", outputs);
    details.put("persons", persons);
    details.put("conflicts", conflictCount);
  }

  private static Map<String, Object> linkage(LinkResult.Statistics statistics) {
    Map<String, Object> linkage = new LinkedHashMap<>();
    linkage.put("records", statistics.records());
    linkage.put("candidate_pairs", statistics.candidatePairs());
    linkage.put("candidate_pairs_per_record", statistics.candidatePairsPerRecord());
    linkage.put("pairs_per_blocking_rule", statistics.pairsPerRule());
    linkage.put("oversized_blocks_skipped", statistics.oversizedBlocks());
    linkage.put("linked_pairs", statistics.matchedPairs());
    linkage.put("deterministic_pairs", statistics.deterministicPairs());
    linkage.put("entities", statistics.clusters());
    linkage.put("match_share", statistics.lambda());
    linkage.put("em_iterations", statistics.emIterations());
    linkage.put("model", statistics.model());
    return linkage;
  }

  private static Map<String, java.util.Set<String>> mappedFields(List<SourceMapping> mappings) {
    Map<String, java.util.Set<String>> mapped = new LinkedHashMap<>();
    for (SourceMapping mapping : mappings) {
      mapped.put(mapping.source(), java.util.Set.copyOf(mapping.columns().values()));
    }
    return mapped;
  }

  /** {@code priority_<field>}: the source's survivorship rank for each field. */
  private static Dataset<Row> withPriorities(
      Dataset<Row> standardised, List<SourceMapping> mappings) {
    Dataset<Row> result = standardised;
    for (String field : PopulationStandardiser.FIELDS) {
      Column priority = lit(Integer.MAX_VALUE);
      for (int i = mappings.size() - 1; i >= 0; i--) {
        SourceMapping mapping = mappings.get(i);
        priority =
            when(col("source").equalTo(mapping.source()), lit(mapping.priorityOf(field)))
                .otherwise(priority);
      }
      result = result.withColumn("priority_" + field, priority);
    }
    return result;
  }

  private void replace(Dataset<Row> rows, String table) {
    rows.writeTo(table).using("iceberg").createOrReplace();
  }

  private long snapshot(String table) {
    return spark
        .sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1")
        .first()
        .getLong(0);
  }

  /** One CSV per department: its records that disagree with the golden record, and on what. */
  private static Map<String, Object> writeConflicts(
      Dataset<Row> conflicts, List<SourceMapping> mappings, Path directory) {
    Map<String, Object> files = new LinkedHashMap<>();
    try {
      Files.createDirectories(directory);
      Map<String, CSVPrinter> printers = new LinkedHashMap<>();
      try {
        for (SourceMapping mapping : mappings) {
          Path file = directory.resolve(mapping.source() + ".csv");
          Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          printers.put(
              mapping.source(),
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(
                      "record_id", "person_id", "field", "value", "golden_value", "golden_source")
                  .setRecordSeparator('\n')
                  .get()
                  .print(writer));
          files.put(mapping.source(), file.toString());
        }
        Iterator<Row> rows =
            conflicts
                .select(
                    "source",
                    "record_id",
                    "person_id",
                    "field",
                    "value",
                    "golden_value",
                    "golden_source")
                .toLocalIterator();
        while (rows.hasNext()) {
          Row row = rows.next();
          CSVPrinter printer = printers.get(row.getString(0));
          if (printer != null) {
            printer.printRecord(
                row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6));
          }
        }
      } finally {
        for (CSVPrinter printer : printers.values()) {
          printer.close(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
