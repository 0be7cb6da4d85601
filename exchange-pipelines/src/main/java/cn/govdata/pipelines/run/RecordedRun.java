package cn.govdata.pipelines.run;

import static org.apache.spark.sql.functions.lit;

import cn.govdata.pipelines.population.PopulationPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a pipeline's work as one recorded run: the base databases' namespaces exist, the work fills
 * the run's details (inputs, outputs with snapshot ids, reports, decisions), and the run is
 * recorded with {@link RunLog} whether it succeeds or fails; a failure is rethrown.
 */
public final class RecordedRun {

  /** The work of one run; it adds what it read, wrote and decided to {@code details}. */
  @FunctionalInterface
  public interface Work {
    void execute(Map<String, Object> details);
  }

  private RecordedRun() {}

  public static RunRecord run(
      SparkSession spark,
      String pipeline,
      String runId,
      Path runDirectory,
      Consumer<String> progress,
      Work work) {
    Instant started = Instant.now();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("run_directory", runDirectory.toString());
    try {
      PopulationPipeline.createNamespaces(spark);
      work.execute(details);
      RunRecord run = new RunRecord(runId, pipeline, "SUCCEEDED", started, Instant.now(), details);
      new RunLog(spark).record(pipeline, run, runDirectory);
      progress.accept(
          String.format(
              "[%s] done in %.1f s",
              pipeline, Duration.between(started, run.finished()).toMillis() / 1000.0));
      return run;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      RunRecord run = new RunRecord(runId, pipeline, "FAILED", started, Instant.now(), details);
      progress.accept("[" + pipeline + "] FAILED: " + e.getMessage());
      new RunLog(spark).record(pipeline, run, runDirectory);
      throw e;
    }
  }

  /**
   * Replaces an Iceberg table's content with {@code rows} (tagged with the run) in one new snapshot
   * and notes the snapshot id in {@code outputs}.
   */
  public static void replace(
      Dataset<Row> rows, String table, String runId, Map<String, Object> outputs) {
    rows.withColumn("run_id", lit(runId)).writeTo(table).using("iceberg").createOrReplace();
    outputs.put(table, latestSnapshot(rows.sparkSession(), table));
  }

  public static long latestSnapshot(SparkSession spark, String table) {
    return spark
        .sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1")
        .as(Encoders.LONG())
        .first();
  }
}
