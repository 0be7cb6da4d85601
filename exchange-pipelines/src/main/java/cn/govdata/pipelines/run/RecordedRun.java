package cn.govdata.pipelines.run;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A {@link PipelineRun} for pipelines without numbered steps (geospatial, macroeconomic): the work
 * fills the run's details (inputs, outputs with snapshot ids, reports, decisions), and the run is
 * recorded whether it succeeds or fails; a failure is rethrown.
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
    return new PipelineRun(spark, pipeline, 1, progress).run(runId, runDirectory, work::execute);
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
    return PipelineRun.latestSnapshot(spark, table);
  }
}
